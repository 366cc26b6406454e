import "server-only";
// Jobs (seed 002): the console's grid, and an internal login's own jobs through its personnel record.
import { db } from "../db";
import { assertCan, requireActor } from "../access/guard";
import { ForbiddenError, permissionFlags, type Actor } from "../access/actor";
import { containsText } from "../db-text";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { utcToZonedLocal } from "../format";
import { SEARCHED_CHOICES } from "../search-choices";
import type { JobSiteOption } from "./schemas";

export const JOB_SORTS = ["title", "status", "scheduled", "created"] as const;
const SORT_COLUMN = { title: "title", status: "status", scheduled: "scheduledAt", created: "createdAt" } as const;

export async function listJobs(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "jobs.view");
  const grid = parseGridState(params, { sorts: JOB_SORTS, defaultSort: "created", defaultDir: "desc" });
  const where = {
    organizationId: a.organizationId,
    ...(grid.q ? { OR: [{ title: containsText(grid.q) }, { site: { name: containsText(grid.q) } }, { personnel: { name: containsText(grid.q) } }] } : {}),
  };
  const page = await paginate(grid, {
    count: () => db.job.count({ where }),
    rows: (window) =>
      db.job.findMany({
        where,
        orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.sort === "scheduled" ? { sort: grid.dir, nulls: "last" } : grid.dir }, { id: grid.dir }],
        ...window,
        include: { site: { select: { id: true, name: true, timeZone: true } }, personnel: { select: { id: true, name: true } } },
      }),
  });
  const manage = permissionFlags(a, { manage: "jobs.manage" });
  // The job form's personnel (the dealer's own staff, a short list); its sites are searched (searchJobSites).
  const personnel = manage.manage ? await db.personnel.findMany({ where: { organizationId: a.organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }) : [];
  return {
    ...page,
    rows: page.rows.map((j) => ({
      id: j.id,
      title: j.title,
      description: j.description,
      status: j.status,
      siteId: j.site.id,
      site: j.site.name,
      timeZone: j.site.timeZone,
      scheduledAt: j.scheduledAt?.toISOString() ?? null,
      scheduledLocal: j.scheduledAt ? utcToZonedLocal(j.scheduledAt, j.site.timeZone) : "",
      personnelId: j.personnel?.id ?? "",
      personnel: j.personnel?.name ?? null,
      createdAt: j.createdAt.toISOString(),
    })),
    personnel,
    permissions: manage,
  };
}
export type JobsPageData = Awaited<ReturnType<typeof listJobs>>;

/**
 * The sites a job may be for, searched by name or address as the admin types: a dealer has tens of
 * thousands of sites, so the form never loads them all (it did, with every Jobs page).
 */
export async function searchJobSites(actor: Actor | null, q: string): Promise<JobSiteOption[]> {
  const a = await assertCan(actor, "jobs.manage");
  return db.site.findMany({
    where: { organizationId: a.organizationId, ...(q ? { OR: [{ name: containsText(q) }, { address: containsText(q) }] } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SEARCHED_CHOICES,
    select: { id: true, name: true, address: true },
  });
}

/**
 * My jobs: an internal login sees jobs only through its personnel record (seed 002). Without one
 * the page says so, and who can fix it.
 */
export async function getMyJobs(actor: Actor | null) {
  const me = requireActor(actor);
  if (me.kind !== "EMPLOYEE") throw new ForbiddenError();
  // The app is for logins whose internal usergroup may use it (Can Access App).
  const login = await db.user.findUnique({ where: { id: me.userId }, select: { usergroup: { select: { name: true, kind: true, canAccessApp: true } } } });
  const appAccess = login?.usergroup?.kind === "INTERNAL" && login.usergroup.canAccessApp;
  if (!appAccess) return { appAccess: false as const, usergroup: login?.usergroup?.name ?? null, personnel: null, jobs: [] };
  const personnel = await db.personnel.findFirst({
    where: { loginUserId: me.userId, organizationId: me.organizationId },
    include: { jobs: { include: { site: { select: { name: true, address: true, timeZone: true } } }, orderBy: [{ scheduledAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }] } },
  });
  return personnel
    ? {
        appAccess: true as const,
        usergroup: login.usergroup!.name,
        personnel: { name: personnel.name, jobTitle: personnel.jobTitle },
        jobs: personnel.jobs.map((j) => ({
          id: j.id,
          title: j.title,
          description: j.description,
          status: j.status,
          site: j.site.name,
          address: j.site.address,
          timeZone: j.site.timeZone,
          scheduledAt: j.scheduledAt,
        })),
      }
    : { appAccess: true as const, usergroup: login.usergroup!.name, personnel: null, jobs: [] };
}
