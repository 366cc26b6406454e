"use client";
import dynamic from "next/dynamic";
import { acceptInstallersAction, rejectInstallersAction, removeInstallersAction, resetInstallerPasswordAction } from "@/app/(admin)/installers/actions";
// The Installers page: header with count and bulk actions, grid, pagination,
// and the modals and drawer it opens. Data comes from the server; every change is a server action.
import { useMemo, useState } from "react";
import { ConfirmDialog, Spinner } from "@/components/ui/confirm-dialog";
import { StaticDataGrid, type StaticColumn } from "@/components/ui/static-data-grid";
import { dateTimeHtml } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { useGridUrl } from "@/components/ui/use-grid-url";
import { plural } from "@/lib/format";
import { unpackRows } from "@/lib/grid";
import { html } from "@/lib/html";
import type { InstallersPageData } from "@/lib/installers/queries";
import type { InstallerRow } from "@/lib/installers/queries";
import { bulkActionsFor, type InstallerAction } from "@/lib/installers/rules";
import { InstallerDrawer } from "./installer-drawer";
import { installerMenu } from "./installer-actions-menu";
import { statusBadgeHtml } from "./status-badge";

// Opened on demand: its form (and react-hook-form) loads with it, not with the page; `ssr: false`
// gives it a Suspense boundary of its own, so the page does not show its loading state meanwhile.
const ConvertInstallerModal = dynamic(() => import("./convert-installer-modal").then((m) => m.ConvertInstallerModal), { ssr: false });
const RegisterInstallerModal = dynamic(() => import("./register-installer-modal").then((m) => m.RegisterInstallerModal), { ssr: false });

type Target = { id: string; name: string; email: string; phone: string };
type Pending = { kind: "remove"; ids: string[] } | { kind: "resetPassword"; target: Target } | { kind: "convert"; target: Target } | null;

export function InstallersScreen({ data, timeZone }: { data: InstallersPageData; timeZone: string }) {
  const { grid, details, permissions } = data;
  const rows = useMemo(() => unpackRows(grid.rows), [grid.rows]);
  const { go } = useGridUrl();
  const run = useActionRunner();
  const [registering, setRegistering] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // Selection is of rows on this page: rows that leave the page leave the selection.
  const rowIds = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const visibleSelected = useMemo(() => new Set([...selected].filter((id) => rowIds.has(id))), [selected, rowIds]);
  const selectedRows = rows.filter((r) => selected.has(r.id));
  const bulk = bulkActionsFor(selectedRows.map((r) => r.status)).filter((a) => (a === "remove" ? permissions.remove : permissions.accept));
  const canSelect = permissions.accept || permissions.remove;

  async function bulkStatus(kind: "accept" | "reject") {
    setBusy(kind);
    const ids = selectedRows.map((r) => r.id);
    const r = await run(() => (kind === "accept" ? acceptInstallersAction({ ids }) : rejectInstallersAction({ ids })));
    if (r.ok) setSelected(new Set());
    setBusy(null);
  }

  function rowAction(target: Target, action: InstallerAction) {
    if (action === "accept" || action === "reject") {
      void run(() => (action === "accept" ? acceptInstallersAction({ ids: [target.id] }) : rejectInstallersAction({ ids: [target.id] })));
    } else if (action === "remove") setPending({ kind: "remove", ids: [target.id] });
    else setPending({ kind: action, target });
  }

  // Up to 200 rows of static cells: the grid writes its body as one HTML string (see StaticDataGrid).
  const columns: StaticColumn<InstallerRow>[] = [
    { key: "name", header: "Name & email", sortKey: "name", html: (r) => html`<span class="main">${r.name}</span><span class="sub">${r.email}</span>` },
    { key: "phone", header: "Phone", sortKey: "phone", html: (r) => html`${r.phone}` },
    { key: "panels", header: "Panels", sortKey: "panels", className: "num", html: (r) => html`${r.panelCount}` },
    { key: "lastLogin", header: "Last login", sortKey: "lastLogin", html: (r) => dateTimeHtml(r.lastLoginAt, timeZone) },
    { key: "created", header: "Created", sortKey: "created", html: (r) => dateTimeHtml(r.createdAt, timeZone) },
    { key: "status", header: "Status", sortKey: "status", html: (r) => statusBadgeHtml(r.status) },
  ];

  const removeCount = pending?.kind === "remove" ? pending.ids.length : 0;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Installers</h1>
          {permissions.add ? (
            <button type="button" className="btn-icon border border-slate-300 dark:border-slate-600" aria-label="Register installer" onClick={() => setRegistering(true)}>
              <PlusIcon />
            </button>
          ) : null}
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="installer-count">
            {plural(grid.organizationTotal, "installer")}
          </span>
        </div>
        {bulk.length ? (
          <div className="flex items-center gap-2" role="group" aria-label="Bulk actions">
            <span className="text-sm text-slate-600 dark:text-slate-400">{selectedRows.length} selected</span>
            {bulk.includes("accept") ? (
              <button type="button" className="btn-primary" disabled={!!busy} aria-busy={busy === "accept"} onClick={() => bulkStatus("accept")}>
                {busy === "accept" ? <Spinner /> : null}
                Accept
              </button>
            ) : null}
            {bulk.includes("reject") ? (
              <button type="button" className="btn-secondary" disabled={!!busy} aria-busy={busy === "reject"} onClick={() => bulkStatus("reject")}>
                {busy === "reject" ? <Spinner /> : null}
                Reject
              </button>
            ) : null}
            {bulk.includes("remove") ? (
              <button type="button" className="btn-danger" disabled={!!busy} onClick={() => setPending({ kind: "remove", ids: selectedRows.map((r) => r.id) })}>
                Remove
              </button>
            ) : null}
          </div>
        ) : null}
      </header>

      {!data.emailConfigured && (permissions.add || permissions.resetPassword) ? (
        <Notice>Email delivery is not configured: registration and password reset codes are queued and will go out once email is configured.</Notice>
      ) : null}

      <div className="card">
        <div className="flex items-center gap-3 border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search installers" placeholder="Search by name, email or phone" />
        </div>
        <StaticDataGrid
          caption="Installers"
          columns={columns}
          rows={rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          sort={grid.sort}
          dir={grid.dir}
          selected={canSelect ? visibleSelected : undefined}
          onSelectedChange={canSelect ? setSelected : undefined}
          onRowClick={(r) => go({ installer: r.id })}
          rowMenu={(r) => installerMenu(r.name, r.status, permissions, (a) => rowAction(r, a))}
          empty={grid.q ? `No installers match “${grid.q}”.` : "No installers yet. Register one with the + button."}
        />
        <Pagination total={grid.total} page={grid.page} size={grid.size} sizeLabel="Installers per page" />
      </div>

      {/* Mounted while open only: its form needs no work on every render of the page. */}
      {registering ? <RegisterInstallerModal open onOpenChange={setRegistering} /> : null}

      {details ? (
        <InstallerDrawer key={details.id} details={details} permissions={permissions} timeZone={timeZone} onClose={() => go({ installer: undefined })} onAction={(a) => rowAction(details, a)} />
      ) : null}

      <ConfirmDialog
        open={pending?.kind === "remove"}
        onOpenChange={(o) => !o && setPending(null)}
        title="Remove installer"
        message={
          removeCount > 1
            ? `Are you sure you want to permanently remove these ${removeCount} installers? This action cannot be undone.`
            : "Are you sure you want to permanently remove this installer? This action cannot be undone."
        }
        confirmLabel="Yes, remove"
        danger
        onConfirm={async () => {
          const ids = pending?.kind === "remove" ? pending.ids : [];
          const r = await run(() => removeInstallersAction({ ids }));
          if (r.ok) {
            setSelected(new Set());
            if (details && ids.includes(details.id)) go({ installer: undefined });
          }
        }}
      />
      <ConfirmDialog
        open={pending?.kind === "resetPassword"}
        onOpenChange={(o) => !o && setPending(null)}
        title="Reset password"
        message="Are you sure you want to reset password for this installer?"
        confirmLabel="Yes, reset"
        onConfirm={async () => {
          if (pending?.kind === "resetPassword") await run(() => resetInstallerPasswordAction({ installerId: pending.target.id }));
        }}
      />
      {pending?.kind === "convert" ? (
        <ConvertInstallerModal
          installer={pending.target}
          onClose={() => {
            if (details?.id === pending.target.id) go({ installer: undefined });
            setPending(null);
          }}
        />
      ) : null}
    </div>
  );
}

function PlusIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
      <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
    </svg>
  );
}
