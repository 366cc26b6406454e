"use client";
import { DataGrid } from "@/components/ui/data-grid";
import { Pagination } from "@/components/ui/pagination";
import { useGridUrl } from "@/components/ui/use-grid-url";
import { formatDateTime } from "@/lib/format";
import type { SortDir } from "@/lib/grid";
import type { AuditRow } from "@/lib/audit/queries";

/** An audit event as the page hands it over: its time as an ISO string. */
type Row = Omit<AuditRow, "createdAt"> & { createdAt: string };

export function AuditGrid({
  rows,
  total,
  more,
  page,
  size,
  dir,
  filters,
  timeZone,
}: {
  rows: Row[];
  total: number;
  more: boolean;
  page: number;
  size: number;
  dir: SortDir;
  filters: { actor: string; action: string; from?: string; to?: string };
  timeZone: string;
}) {
  const { go } = useGridUrl();
  return (
    <div className="card">
      <form
        className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          go({
            actor: String(f.get("actor") || "") || undefined,
            action: String(f.get("action") || "") || undefined,
            from: String(f.get("from") || "") || undefined,
            to: String(f.get("to") || "") || undefined,
            page: 1,
          });
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block">Actor</span>
          <input name="actor" className="input" defaultValue={filters.actor} placeholder="email starts with" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block">Action</span>
          <input name="action" className="input" defaultValue={filters.action} placeholder="e.g. auth.sign_in" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block">From</span>
          <input name="from" type="date" className="input" defaultValue={filters.from} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block">To</span>
          <input name="to" type="date" className="input" defaultValue={filters.to} />
        </label>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
      </form>
      <DataGrid
        caption="Audit events"
        rows={rows}
        rowId={(r) => r.id}
        rowLabel={(r) => r.action}
        sort="createdAt"
        dir={dir}
        empty="No audit events match these filters."
        columns={[
          {
            key: "createdAt",
            header: "When (UTC shown in your time zone)",
            sortKey: "createdAt",
            cell: (r) => {
              const f = formatDateTime(r.createdAt, timeZone);
              return f ? `${f.time} ${f.date}` : "";
            },
          },
          { key: "actor", header: "Actor", cell: (r) => r.actorEmail ?? "—" },
          { key: "action", header: "Action", cell: (r) => <code className="text-xs">{r.action}</code> },
          { key: "target", header: "Target", cell: (r) => (r.targetLabel ? `${r.targetType}: ${r.targetLabel}` : (r.targetType ?? "—")) },
          {
            key: "outcome",
            header: "Outcome",
            cell: (r) => <span className={r.outcome === "SUCCESS" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>{r.outcome.toLowerCase()}</span>,
          },
          { key: "detail", header: "Detail", cell: (r) => <span className="text-xs text-slate-500 dark:text-slate-400">{r.detail}</span> },
          { key: "ip", header: "IP", cell: (r) => r.ip ?? "" },
        ]}
      />
      <Pagination total={total} more={more} page={page} size={size} sizeLabel="Events per page" />
    </div>
  );
}
