import "server-only";
// The Audit log screen's query: the actor's organization only, filtered and paginated.
import { z } from "../zod";
import { db } from "../db";
import { assertCan } from "../access/guard";
import type { Actor } from "../access/actor";
import { paginate, parseGridState, type SearchParams } from "../grid";

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(254).optional().default(""),
  action: z.string().trim().max(100).optional().default(""),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

export async function listAuditEvents(actor: Actor | null, params: SearchParams) {
  await assertCan(actor, "audit.view");
  const grid = parseGridState(params, { sorts: ["createdAt"] as const, defaultSort: "createdAt", defaultDir: "desc" });
  const f = auditFilterSchema.parse({
    actor: typeof params.actor === "string" ? params.actor : undefined,
    action: typeof params.action === "string" ? params.action : undefined,
    from: typeof params.from === "string" && params.from ? params.from : undefined,
    to: typeof params.to === "string" && params.to ? params.to : undefined,
  });
  const where = {
    organizationId: actor!.organizationId,
    ...(f.actor ? { actorEmail: { startsWith: f.actor.toLowerCase() } } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86400000) } : {}) } } : {}),
  };
  const page = await paginate(grid, {
    count: () => db.auditEvent.count({ where }),
    rows: (window) => db.auditEvent.findMany({ where, orderBy: [{ createdAt: grid.dir }, { id: grid.dir }], ...window }),
  });
  return { ...page, filters: f };
}
