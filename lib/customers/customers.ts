// Customers: grid, add, edit, delete (only without sites), and a customer's page.
import type { z } from "zod";
import { db } from "../db";
import { assertCan } from "../access/guard";
import { can, NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit";
import { RuleError } from "../actions/result";
import { containsText } from "../db-text";
import { clampPage, parseGridState, type SearchParams } from "../grid";
import type { customerSchema } from "./schemas";

export const CUSTOMER_SORTS = ["name", "accountNumber", "created"] as const;
const SORT_COLUMN = { name: "name", accountNumber: "accountNumber", created: "createdAt" } as const;

export async function listCustomers(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "customers.view");
  const grid = parseGridState(params, { sorts: CUSTOMER_SORTS, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, ...(grid.q ? { OR: [{ name: containsText(grid.q) }, { accountNumber: containsText(grid.q) }] } : {}) };
  const total = await db.customer.count({ where });
  const page = clampPage(grid.page, grid.size, total);
  const rows = await db.customer.findMany({
    where,
    orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.dir }, { id: grid.dir }],
    skip: (page - 1) * grid.size,
    take: grid.size,
    include: { _count: { select: { sites: true } } },
  });
  return {
    rows: rows.map((c) => ({ id: c.id, name: c.name, accountNumber: c.accountNumber, sites: c._count.sites, createdAt: c.createdAt.toISOString() })),
    total,
    page,
    size: grid.size,
    sort: grid.sort,
    dir: grid.dir,
    q: grid.q,
    canManage: can(a, "customers.manage"),
  };
}
export type CustomersPageData = Awaited<ReturnType<typeof listCustomers>>;

export async function getCustomer(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "customers.view");
  const c = await db.customer.findFirst({
    where: { id, organizationId: a.organizationId },
    include: { sites: { orderBy: { name: "asc" }, include: { credentialGroup: { select: { name: true } } } }, contacts: { orderBy: { name: "asc" } } },
  });
  if (!c) throw new NotFoundError("The customer");
  return {
    id: c.id,
    name: c.name,
    accountNumber: c.accountNumber,
    sites: c.sites.map((s) => ({ id: s.id, name: s.name, status: s.status, installerMode: s.installerMode, credentialGroupName: s.credentialGroup?.name ?? null })),
    contacts: c.contacts.map((k) => ({ id: k.id, name: k.name, jobTitle: k.jobTitle, email: k.email })),
  };
}

export async function saveCustomer(actor: Actor | null, input: z.output<typeof customerSchema>) {
  const a = await assertCan(actor, "customers.manage");
  const clash = await db.customer.findFirst({ where: { organizationId: a.organizationId, accountNumber: input.accountNumber, ...(input.id ? { NOT: { id: input.id } } : {}) } });
  if (clash) throw new RuleError("Another customer has this account number.", { accountNumber: "Another customer has this account number." });
  await db.$transaction(async (tx) => {
    if (input.id) {
      const updated = await tx.customer.updateMany({ where: { id: input.id, organizationId: a.organizationId }, data: { name: input.name, accountNumber: input.accountNumber } });
      if (updated.count !== 1) throw new NotFoundError("The customer");
    } else {
      input.id = (await tx.customer.create({ data: { organizationId: a.organizationId, name: input.name, accountNumber: input.accountNumber } })).id;
    }
    await recordAudit({ actor: a, action: "customers.save", target: { type: "Customer", id: input.id, label: input.name } }, tx);
  });
  return { message: `${input.name} is saved.` };
}

export async function deleteCustomer(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "customers.manage");
  const c = await db.customer.findFirst({ where: { id, organizationId: a.organizationId }, include: { _count: { select: { sites: true } } } });
  if (!c) throw new NotFoundError("The customer");
  if (c._count.sites) throw new RuleError(`${c.name} still has ${c._count.sites} site${c._count.sites === 1 ? "" : "s"}. Only a customer without sites can be deleted.`);
  await db.$transaction(async (tx) => {
    await tx.customer.delete({ where: { id } }).catch(() => {
      throw new RuleError(`${c.name} now has a site. Only a customer without sites can be deleted.`);
    });
    await recordAudit({ actor: a, action: "customers.delete", target: { type: "Customer", id, label: c.name } }, tx);
  });
  return { message: `${c.name} is deleted.` };
}
