import type { Metadata } from "next";
import { cookies } from "next/headers";
import { AuditGrid } from "@/components/audit/audit-grid";
import { requirePagePermission } from "@/lib/access/page";
import { listAuditEvents } from "@/lib/audit/queries";
import type { SearchParams } from "@/lib/grid";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("audit.view");
  const result = await listAuditEvents(actor, await searchParams);
  const tz = (await cookies()).get("tz")?.value ?? "UTC";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Every sign-in, denial and change in your organization: who, what, when and how it ended.</p>
      </div>
      <AuditGrid
        rows={result.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
        total={result.total}
        more={result.more}
        page={result.page}
        size={result.size}
        dir={result.dir}
        filters={result.filters}
        timeZone={tz}
      />
    </div>
  );
}
