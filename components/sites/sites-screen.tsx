"use client";
import dynamic from "next/dynamic";
import { saveSiteColumnsAction } from "@/app/(admin)/sites/actions";
import Link from "next/link";
import { useState } from "react";
import { DataGrid, type Column } from "@/components/ui/data-grid";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { plural } from "@/lib/format";
import { SITE_COLUMN_LABEL, SITE_COLUMNS, type SiteColumn } from "@/lib/sites/columns";
import type { SitesPageData } from "@/lib/sites/queries";
import { ColumnsMenu } from "./columns-menu";
import { InstallerModeBadge, SiteStatusBadge } from "./site-status";

// Opened on demand: its form (and react-hook-form) loads with it, not with the page; `ssr: false`
// gives it a Suspense boundary of its own, so the page does not show its loading state meanwhile.
const SiteFormModal = dynamic(() => import("./site-form-modal").then((m) => m.SiteFormModal), { ssr: false });

type Row = SitesPageData["rows"][number];

const CELLS: Record<SiteColumn, Omit<Column<Row>, "key" | "header">> = {
  name: {
    sortKey: "name",
    cell: (r) => (
      <Link href={`/sites/${r.id}`} className="link">
        {r.name}
      </Link>
    ),
  },
  customer: {
    cell: (r) => (
      <Link href={`/customers/${r.customerId}`} className="link">
        {r.customer}
      </Link>
    ),
  },
  address: { cell: (r) => r.address },
  status: { sortKey: "status", cell: (r) => <SiteStatusBadge status={r.status} /> },
  installerMode: {
    cell: (r) => (
      <span title={r.installerModeUntil ? `Until ${new Date(r.installerModeUntil).toISOString().slice(0, 16).replace("T", " ")} UTC` : undefined}>
        <InstallerModeBadge on={r.installerMode} />
        {r.installerModeUntil ? <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">until {new Date(r.installerModeUntil).toISOString().slice(11, 16)} UTC</span> : null}
      </span>
    ),
  },
  credentialGroup: {
    cell: (r) =>
      r.credentialGroupId ? (
        <Link href={`/sites/credential-groups/${r.credentialGroupId}`} className="link">
          {r.credentialGroup}
        </Link>
      ) : (
        <span className="text-slate-400">—</span>
      ),
  },
  panels: { className: "num", cell: (r) => r.panels },
};

export function SitesScreen({ data }: { data: SitesPageData }) {
  const run = useActionRunner();
  const [adding, setAdding] = useState(false);
  // A phone shows only the first two chosen columns.
  const columns: Column<Row>[] = data.columns.map((c, i) => ({
    key: c,
    header: SITE_COLUMN_LABEL[c],
    ...CELLS[c],
    className: `${CELLS[c].className ?? ""} ${i >= 2 ? "max-sm:hidden" : ""}`.trim() || undefined,
  }));

  function toggle(column: SiteColumn, on: boolean) {
    const next = on ? [...data.columns, column] : data.columns.filter((c) => c !== column);
    if (next.length) void run(() => saveSiteColumnsAction({ columns: SITE_COLUMNS.filter((c) => next.includes(c)) }));
  }

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Sites</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400">{plural(data.total, "site")}</span>
        </div>
        <div className="flex gap-2">
          <Link href="/sites/credential-groups" className="btn-secondary">
            Credential groups
          </Link>
          {data.permissions.manage ? (
            <button type="button" className="btn-primary" onClick={() => setAdding(true)}>
              Add site
            </button>
          ) : null}
        </div>
      </header>
      <div className="card">
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search sites" placeholder="Search by name or address" />
          <ColumnsMenu columns={data.columns} toggle={toggle} />
        </div>
        <DataGrid
          caption="Sites"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          sort={data.sort}
          dir={data.dir}
          columns={columns}
          empty={data.q ? `No sites match “${data.q}”.` : "No sites yet."}
        />
        <Pagination total={data.total} page={data.page} size={data.size} sizeLabel="Sites per page" />
      </div>
      {adding ? <SiteFormModal site={null} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}
