import "server-only";
// Personnel (seed 002): staff engineers' records; a record's Associated Login sees its jobs in the app.
import { db } from "../db";
import { tally } from "../tally";
import { assertCan } from "../access/guard";
import { permissionFlags, type Actor } from "../access/actor";
import { containsText } from "../db-text";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { loginOptions } from "../logins/queries";

export const PERSONNEL_SORTS = ["name", "jobTitle", "created"] as const;
const SORT_COLUMN = { name: "name", jobTitle: "jobTitle", created: "createdAt" } as const;

export async function listPersonnel(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "personnel.view");
  const grid = parseGridState(params, { sorts: PERSONNEL_SORTS, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, ...(grid.q ? { OR: [{ name: containsText(grid.q) }, { email: containsText(grid.q) }, { jobTitle: containsText(grid.q) }] } : {}) };
  const page = await paginate(grid, {
    count: () => db.personnel.count({ where }),
    rows: async (window) => {
      const personnel = await db.personnel.findMany({
        where,
        orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.dir }, { id: grid.dir }],
        ...window,
        include: { login: { select: { id: true, email: true } } },
      });
      const jobsOf = tally(await db.job.groupBy({ by: ["personnelId"], where: { personnelId: { in: personnel.map((p) => p.id) } }, _count: { _all: true } }), "personnelId");
      return personnel.map((p) => ({
        id: p.id,
        name: p.name,
        jobTitle: p.jobTitle,
        phone: p.phone,
        email: p.email,
        loginUserId: p.login?.id ?? "",
        login: p.login?.email ?? null,
        jobs: jobsOf(p.id),
      }));
    },
  });
  return {
    ...page,
    logins: await internalLogins(a),
    permissions: permissionFlags(a, { manage: "personnel.manage" }),
  };
}
export type PersonnelPageData = Awaited<ReturnType<typeof listPersonnel>>;

/** Associated Login offers internal logins only (a login in an internal usergroup). */
export function internalLogins(a: Actor) {
  return loginOptions(a, { kind: "EMPLOYEE", usergroup: { kind: "INTERNAL" } });
}
