"use client";
import dynamic from "next/dynamic";
import { deletePanelAction, setPanelAccessAction } from "@/app/(admin)/panels/actions";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataGrid } from "@/components/ui/data-grid";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { plural } from "@/lib/format";
import type { PanelRow, PanelsPageData } from "@/lib/panels/queries";

// Opened on demand: its form (and react-hook-form) loads with it, not with the page; `ssr: false`
// gives it a Suspense boundary of its own, so the page does not show its loading state meanwhile.
const PanelFormModal = dynamic(() => import("./panel-form-modal").then((m) => m.PanelFormModal), { ssr: false });

export function PanelsScreen({ data }: { data: PanelsPageData }) {
  const { grid, groups, group, permissions } = data;
  const run = useActionRunner();
  const [editing, setEditing] = useState<PanelRow | "new" | null>(null);
  const [deleting, setDeleting] = useState<PanelRow | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">{group ? group.name : "Panels"}</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="panel-count">
            {plural(grid.total, "panel")}
          </span>
        </div>
        <div className="flex gap-2">
          {group ? (
            <Link href="/panels/groups" className="btn-secondary">
              All panel groups
            </Link>
          ) : (
            <Link href="/panels/groups" className="btn-secondary">
              Panel groups
            </Link>
          )}
          {permissions.manage ? (
            <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
              Add panel
            </button>
          ) : null}
        </div>
      </header>
      {group ? <p className="text-sm text-slate-600 dark:text-slate-400">Panels in the group {group.name}.</p> : null}
      <div className="card">
        <div className="border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search panels" placeholder="Search by IMEI or account code" />
        </div>
        <DataGrid
          caption="Panels"
          rows={grid.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.imei}
          sort={grid.sort}
          dir={grid.dir}
          empty={grid.q ? `No panels start with “${grid.q}”.` : "No panels yet."}
          columns={[
            { key: "imei", header: "IMEI", sortKey: "imei", cell: (r) => <span className="font-mono">{r.imei}</span> },
            { key: "accountCode", header: "Account code", sortKey: "accountCode", cell: (r) => <span className="font-mono">{r.accountCode}</span> },
            {
              key: "group",
              header: "Group",
              cell: (r) => (
                <Link href={`/panels/groups/${r.panelGroupId}`} className="link">
                  {r.panelGroupName}
                </Link>
              ),
            },
            { key: "site", header: "Site", cell: (r) => r.siteName ?? <span className="text-slate-400">—</span> },
            {
              key: "access",
              header: "Installer app access",
              cell: (r) =>
                permissions.manage ? (
                  <button
                    type="button"
                    role="switch"
                    aria-checked={r.installerAppAccess}
                    aria-label={`Installer app access for ${r.imei}`}
                    className={`relative inline-flex h-6 w-11 rounded-full transition-colors ${r.installerAppAccess ? "bg-emerald-600" : "bg-slate-300 dark:bg-slate-600"}`}
                    onClick={() => void run(() => setPanelAccessAction({ id: r.id, installerAppAccess: !r.installerAppAccess }))}
                  >
                    <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-all ${r.installerAppAccess ? "left-5" : "left-0.5"}`} />
                  </button>
                ) : r.installerAppAccess ? (
                  "On"
                ) : (
                  "Off"
                ),
            },
            { key: "assigned", header: "Assigned", className: "num", cell: (r) => r.installers + r.employees },
          ]}
          rowMenu={
            permissions.manage
              ? (r) => ({
                  label: `Actions for panel ${r.imei}`,
                  items: [
                    { label: "Edit", onSelect: () => setEditing(r) },
                    { label: "Delete", onSelect: () => setDeleting(r), danger: true },
                  ],
                })
              : undefined
          }
        />
        <Pagination total={grid.total} page={grid.page} size={grid.size} sizeLabel="Panels per page" />
      </div>
      {editing ? <PanelFormModal panel={editing === "new" ? null : editing} groups={groups} defaultGroupId={group?.id} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete panel"
        message={deleting ? `Delete panel ${deleting.imei}? It is unassigned from ${deleting.installers + deleting.employees} installer(s) and employee(s). This cannot be undone.` : ""}
        confirmLabel="Yes, delete"
        danger
        onConfirm={async () => {
          await run(() => deletePanelAction({ id: deleting!.id }));
        }}
      />
    </div>
  );
}
