import "server-only";
// Customers: the grid and a customer's page.
import { db } from "../db";
import { tally } from "../tally";
import { assertCan } from "../access/guard";
import { NotFoundError, permissionFlags, type Actor } from "../access/actor";
import { containsText } from "../db-text";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { installerModeOn } from "../sites/rules";
import { linkableLogins } from "../logins/queries";

export const CUSTOMER_SORTS = ["name", "accountNumber", "created"] as const;
const SORT_COLUMN = { name: "name", accountNumber: "accountNumber", created: "createdAt" } as const;

export async function listCustomers(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "customers.view");
  const grid = parseGridState(params, { sorts: CUSTOMER_SORTS, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, ...(grid.q ? { OR: [{ name: containsText(grid.q) }, { accountNumber: containsText(grid.q) }] } : {}) };
  const page = await paginate(grid, {
    count: () => db.customer.count({ where }),
    rows: async (window) => {
      const customers = await db.customer.findMany({ where, orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.dir }, { id: grid.dir }], ...window });
      const sitesOf = tally(await db.site.groupBy({ by: ["customerId"], where: { customerId: { in: customers.map((c) => c.id) } }, _count: { _all: true } }), "customerId");
      return customers.map((c) => ({ id: c.id, name: c.name, accountNumber: c.accountNumber, sites: sitesOf(c.id), createdAt: c.createdAt.toISOString() }));
    },
  });
  return {
    ...page,
    permissions: permissionFlags(a, { manage: "customers.manage" }),
  };
}
export type CustomersPageData = Awaited<ReturnType<typeof listCustomers>>;

export async function getCustomer(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "customers.view");
  const c = await db.customer.findFirst({
    where: { id, organizationId: a.organizationId },
    include: {
      sites: { orderBy: { name: "asc" }, include: { credentialGroup: { select: { name: true } } } },
      contacts: { orderBy: { name: "asc" }, include: { user: { select: { email: true } }, sites: { select: { site: { select: { name: true } } } } } },
      agent: { select: { id: true, name: true, company: true } },
    },
  });
  if (!c) throw new NotFoundError("The customer");
  const permissions = permissionFlags(a, { manage: "customers.manage", manageContacts: "logins.manage" });
  return {
    id: c.id,
    name: c.name,
    accountNumber: c.accountNumber,
    sites: c.sites.map((s) => ({ id: s.id, name: s.name, status: s.status, installerMode: installerModeOn(s), credentialGroupName: s.credentialGroup?.name ?? null })),
    contacts: c.contacts.map((k) => ({
      id: k.id,
      name: k.name,
      jobTitle: k.jobTitle,
      email: k.email,
      phone: k.phone,
      notes: k.notes,
      login: k.user?.email ?? null,
      scope: k.portalScope,
      sites: k.sites.map((s) => s.site.name).sort(),
    })),
    agent: c.agent,
    agents: permissions.manage
      ? await db.agent.findMany({ where: { organizationId: a.organizationId }, orderBy: [{ company: "asc" }, { name: "asc" }], select: { id: true, name: true, company: true } })
      : [],
    linkableLogins: permissions.manageContacts ? await linkableLogins(a) : [],
    permissions,
  };
}
export type CustomerDetails = Awaited<ReturnType<typeof getCustomer>>;
