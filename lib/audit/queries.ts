import "server-only";
// The Audit log screen's query: the actor's organization only, filtered and paginated.
//
// The log grows with every sign-in and change (a million events is a few years of a large dealer),
// so no visit reads all of it:
// - the total is counted up to 10,000 events, or as far as the page asked for needs, and the
//   pagination says "of more than 10000" beyond that (counting a million index entries took 34 ms
//   on every visit, a filter's 100 ms);
// - the actor and action filters are index ranges ("starts with"), not LIKE, which SQLite cannot
//   answer from an index (an actor with no events read the whole log: 0.4 s);
// - a filter that matches more than the count's limit is read newest first along the time index,
//   where 50 matches come within a few thousand events; the database would otherwise read every
//   match through the filter's index and sort them all for the page (111,000 matches: 285 ms).
import { z } from "../zod";
import { db } from "../db";
import { readRaw } from "../db-read";
import { Prisma } from "../generated/sqlite/client";
import { assertCan } from "../access/guard";
import type { Actor } from "../access/actor";
import { clampPage, parseGridState, type SearchParams } from "../grid";
import { prefixRange } from "../installers/search";

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(254).optional().default(""),
  action: z.string().trim().max(100).optional().default(""),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

/** How far the total is counted before the log says "more than". */
export const AUDIT_COUNT_LIMIT = 10_000;

const ROW_SELECT = { id: true, createdAt: true, actorEmail: true, action: true, targetType: true, targetLabel: true, outcome: true, ip: true, detail: true } as const;
export type AuditRow = {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetLabel: string | null;
  outcome: string;
  ip: string | null;
  detail: string | null;
};

export async function listAuditEvents(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "audit.view");
  const grid = parseGridState(params, { sorts: ["createdAt"] as const, defaultSort: "createdAt", defaultDir: "desc" });
  const f = auditFilterSchema.parse({
    actor: typeof params.actor === "string" ? params.actor : undefined,
    action: typeof params.action === "string" ? params.action : undefined,
    from: typeof params.from === "string" && params.from ? params.from : undefined,
    to: typeof params.to === "string" && params.to ? params.to : undefined,
  });
  const actorPrefix = f.actor.toLowerCase();
  const actionPrefix = f.action.toLowerCase();
  const from = f.from ? new Date(`${f.from}T00:00:00Z`) : null;
  const before = f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86400000) : null;
  const actorRange = actorPrefix ? prefixRange(actorPrefix) : null;
  const actionRange = actionPrefix ? prefixRange(actionPrefix) : null;
  const where = {
    organizationId: a.organizationId,
    ...(actorRange ? { actorEmail: actorRange } : {}),
    ...(actionRange ? { action: actionRange } : {}),
    ...(from || before ? { createdAt: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } } : {}),
  };
  /** The filters; `indexed: false` writes them as expressions no index answers, so the time index is walked. */
  const conditions = (indexed: boolean) => {
    const column = (name: string) => Prisma.raw(indexed ? `"${name}"` : `("${name}" || '')`);
    return Prisma.sql`"organizationId" = ${a.organizationId}
      ${actorRange ? Prisma.sql`AND ${column("actorEmail")} >= ${actorRange.gte} AND ${column("actorEmail")} < ${actorRange.lt}` : Prisma.empty}
      ${actionRange ? Prisma.sql`AND ${column("action")} >= ${actionRange.gte} AND ${column("action")} < ${actionRange.lt}` : Prisma.empty}
      ${from ? Prisma.sql`AND "createdAt" >= ${from}` : Prisma.empty}
      ${before ? Prisma.sql`AND "createdAt" < ${before}` : Prisma.empty}`;
  };
  const limit = Math.max(AUDIT_COUNT_LIMIT, grid.page * grid.size);
  // Raw: Prisma's count with `take` orders the matches by id first (every match read and sorted).
  const [counted] = await readRaw<{ n: number | bigint }>`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "AuditEvent" WHERE ${conditions(true)} LIMIT ${limit + 1}) AS "matches"`;
  const more = Number(counted?.n ?? 0) > limit;
  const total = Math.min(Number(counted?.n ?? 0), limit);
  const page = clampPage(grid.page, grid.size, total);
  const window = { skip: (page - 1) * grid.size, take: grid.size };
  let rows: AuditRow[];
  if (more && (actorRange || actionRange)) {
    const dir = Prisma.raw(grid.dir === "asc" ? "ASC" : "DESC");
    rows = await readRaw<AuditRow>`
      SELECT "id", "createdAt", "actorEmail", "action", "targetType", "targetLabel", "outcome", "ip", "detail" FROM "AuditEvent"
      WHERE ${conditions(false)} ORDER BY "createdAt" ${dir}, "id" ${dir} LIMIT ${window.take} OFFSET ${window.skip}`;
  } else {
    rows = await db.auditEvent.findMany({ where, orderBy: [{ createdAt: grid.dir }, { id: grid.dir }], ...window, select: ROW_SELECT });
  }
  return { ...grid, page, total, more, rows, filters: f };
}
