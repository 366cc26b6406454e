import "server-only";
// Logins, usergroups and agents (seed 002): the console's reads. Every one checks Logins & contacts.
import { db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { assertCan } from "../access/guard";
import { NotFoundError, permissionFlags, type Actor } from "../access/actor";
import { containsText } from "../db-text";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { tally } from "../tally";
import { missingPortalSteps, PORTAL_STEP_TEXT } from "../portal/rules";
import { portalLicenceUse } from "../portal/licences";
import { PERMISSION_GROUPS } from "../access/permissions";
import { linkedTo, loginStatus, type LoginFacts } from "./rules";

export const LOGIN_SORTS = ["name", "email", "lastLogin", "created"] as const;
const SORT_COLUMN = { name: "name", email: "email", lastLogin: "lastLoginAt", created: "createdAt" } as const;
/** Logins are the accounts of seed 002: employees (internal), customers and agents (external). Installers have their own page. */
export const LOGIN_KINDS = ["EMPLOYEE", "CUSTOMER", "AGENT"] as const;

const loginInclude = {
  usergroup: { select: { id: true, name: true, kind: true } },
  contact: { select: { id: true, name: true, portalScope: true, customer: { select: { id: true, name: true } } } },
  agent: { select: { id: true, company: true } },
  employee: { select: { id: true, fullName: true } },
  personnel: { select: { id: true, name: true } },
} as const;

type LoadedLogin = NonNullable<Awaited<ReturnType<typeof loadLogin>>>;
function loadLogin(id: string, organizationId: string) {
  return db.user.findFirst({ where: { id, organizationId, kind: { in: [...LOGIN_KINDS] } }, include: loginInclude });
}

/** Sites each login's contact is on, for the logins of one page (see lib/tally.ts). */
async function contactSites(users: LoadedLogin[]) {
  const contactIds = users.flatMap((u) => (u.contact ? [u.contact.id] : []));
  return tally(await db.siteContact.groupBy({ by: ["contactId"], where: { contactId: { in: contactIds } }, _count: { _all: true } }), "contactId");
}

function facts(u: LoadedLogin, sitesOf: (contactId: string) => number): LoginFacts {
  return {
    kind: u.kind,
    disabled: !!u.disabledAt,
    usergroupKind: u.usergroup?.kind ?? null,
    contact: u.contact ? { customerName: u.contact.customer.name, scope: u.contact.portalScope, siteCount: sitesOf(u.contact.id) } : null,
    agent: u.agent ? { company: u.agent.company } : null,
    employee: !!u.employee,
    personnel: u.personnel?.name ?? null,
  };
}

function loginName(u: LoadedLogin): string {
  return u.name || u.employee?.fullName || u.contact?.name || u.email;
}

export async function listLogins(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "logins.view");
  const grid = parseGridState(params, { sorts: LOGIN_SORTS, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, kind: { in: [...LOGIN_KINDS] }, ...(grid.q ? { OR: [{ name: containsText(grid.q) }, { email: containsText(grid.q) }] } : {}) };
  const page = await paginate(grid, {
    count: () => db.user.count({ where }),
    rows: (window) => db.user.findMany({ where, orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.dir }, { id: grid.dir }], ...window, include: loginInclude }),
  });
  const [sitesOf, usergroups, licences] = await Promise.all([
    contactSites(page.rows),
    db.usergroup.findMany({ where: { organizationId: a.organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } }),
    portalLicenceUse(db, a.organizationId),
  ]);
  return {
    ...page,
    rows: page.rows.map((u) => ({
      id: u.id,
      name: loginName(u),
      email: u.email,
      usergroup: u.usergroup?.name ?? "—",
      usergroupId: u.usergroup?.id ?? "",
      linkedTo: linkedTo(facts(u, sitesOf)),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      status: loginStatus(facts(u, sitesOf)),
      // Employees of the console are managed on the Employees page (their role is there too).
      consoleEmployee: !!u.employee,
    })),
    usergroups,
    licences,
    permissions: permissionFlags(a, { manage: "logins.manage" }),
  };
}
export type LoginsPageData = Awaited<ReturnType<typeof listLogins>>;

/** A login's page: what it is linked to and, for a portal login, which set-up steps are still missing. */
export async function getLogin(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "logins.view");
  const u = await loadLogin(id, a.organizationId);
  if (!u) throw new NotFoundError("The login");
  const f = facts(u, await contactSites([u]));
  const steps =
    u.kind === "EMPLOYEE" && u.usergroup?.kind !== "EXTERNAL" ? [] : missingPortalSteps({ kind: u.kind, usergroupKind: f.usergroupKind, linked: !!(u.contact || u.agent), disabled: f.disabled });
  return {
    id: u.id,
    name: loginName(u),
    email: u.email,
    kind: u.kind,
    usergroup: u.usergroup,
    linkedTo: linkedTo(f),
    status: loginStatus(f),
    lastLoginAt: u.lastLoginAt,
    contact: u.contact ? { id: u.contact.id, name: u.contact.name, customerId: u.contact.customer.id, customerName: u.contact.customer.name, scope: u.contact.portalScope } : null,
    personnel: u.personnel,
    missingSteps: steps.map((s) => PORTAL_STEP_TEXT[s]),
    permissions: permissionFlags(a, { manage: "logins.manage" }),
  };
}
export type LoginPageData = Awaited<ReturnType<typeof getLogin>>;

export async function listUsergroups(actor: Actor | null) {
  const a = await assertCan(actor, "logins.view");
  const groups = await db.usergroup.findMany({ where: { organizationId: a.organizationId }, orderBy: { name: "asc" } });
  const loginsOf = tally(await db.user.groupBy({ by: ["usergroupId"], where: { usergroupId: { in: groups.map((g) => g.id) } }, _count: { _all: true } }), "usergroupId");
  return {
    rows: groups.map((g) => ({
      id: g.id,
      name: g.name,
      isExternal: g.kind === "EXTERNAL",
      canAccessApp: g.canAccessApp,
      builtIn: !!g.builtIn,
      permissionGroups: g.permissionGroups ? g.permissionGroups.split(",") : [],
      logins: loginsOf(g.id),
    })),
    permissionGroupNames: PERMISSION_GROUPS.map((g) => g.name) as string[],
    permissions: permissionFlags(a, { manage: "logins.manage" }),
  };
}
export type UsergroupsPageData = Awaited<ReturnType<typeof listUsergroups>>;

export async function listAgents(actor: Actor | null) {
  const a = await assertCan(actor, "logins.view");
  const agents = await db.agent.findMany({
    where: { organizationId: a.organizationId },
    orderBy: [{ company: "asc" }, { name: "asc" }],
    include: { customers: { select: { name: true }, orderBy: { name: "asc" } }, user: { select: { email: true, lastLoginAt: true, disabledAt: true } } },
  });
  return {
    rows: agents.map((g) => ({ id: g.id, company: g.company, name: g.name, email: g.email, login: g.user?.email ?? null, customers: g.customers.map((c) => c.name) })),
    permissions: permissionFlags(a, { manage: "logins.manage" }),
  };
}
export type AgentsPageData = Awaited<ReturnType<typeof listAgents>>;

/** Logins of the caller's organization as select options ("Name (email)"). */
export async function loginOptions(a: Actor, where: Prisma.UserWhereInput, take = 1000) {
  const users = await db.user.findMany({ where: { ...where, organizationId: a.organizationId }, orderBy: { email: "asc" }, select: { id: true, name: true, email: true }, take });
  return users.map((u) => ({ id: u.id, name: u.name ? `${u.name} (${u.email})` : u.email }));
}

/** For a customer's Contacts tab: the logins that may be linked (customer logins not linked to any contact yet). */
export function linkableLogins(a: Actor) {
  return loginOptions(a, { kind: "CUSTOMER", contact: { is: null } }, 500);
}
