import "server-only";
// Customers: add, edit, delete (only a customer without sites).
import type { z } from "zod";
import { db } from "../db";
import { takenMeanwhile } from "../db-values";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { RuleError } from "../actions/result";
import { CUSTOMER_EDIT_FIELDS, type customerSchema } from "./schemas";
import { changedFields } from "../edits";

export async function saveCustomer(actor: Actor | null, input: z.output<typeof customerSchema>) {
  const a = await assertCan(actor, "customers.manage");
  const taken = new RuleError("Another customer has this account number.", { accountNumber: "Another customer has this account number." });
  // An edit writes only what its form changed: a change another admin saved meanwhile stays (lib/edits.ts).
  const data = input.id ? changedFields(input, input.shown, CUSTOMER_EDIT_FIELDS) : { name: input.name, accountNumber: input.accountNumber };
  if (data.accountNumber !== undefined) {
    const clash = await db.customer.findFirst({ where: { organizationId: a.organizationId, accountNumber: data.accountNumber, ...(input.id ? { NOT: { id: input.id } } : {}) } });
    if (clash) throw taken;
  }
  const name = await db
    .$transaction(async (tx) => {
      let id = input.id;
      if (id) {
        const mine = { id, organizationId: a.organizationId };
        const found = Object.keys(data).length ? (await tx.customer.updateMany({ where: mine, data })).count : await tx.customer.count({ where: mine });
        if (found !== 1) throw new NotFoundError("The customer");
      } else {
        id = (await tx.customer.create({ data: { organizationId: a.organizationId, name: input.name, accountNumber: input.accountNumber } })).id;
      }
      const name = data.name ?? (await tx.customer.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;
      await recordAudit({ actor: a, action: "customers.save", target: { type: "Customer", id, label: name } }, tx);
      return name;
    })
    .catch(takenMeanwhile(taken));
  return { message: `${name} is saved.` };
}

export async function deleteCustomer(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "customers.manage");
  const c = await db.customer.findFirst({ where: { id, organizationId: a.organizationId } });
  if (!c) throw new NotFoundError("The customer");
  const sites = await db.site.count({ where: { customerId: c.id } });
  if (sites) throw new RuleError(`${c.name} still has ${sites} site${sites === 1 ? "" : "s"}. Only a customer without sites can be deleted.`);
  await db.$transaction(async (tx) => {
    await tx.customer.delete({ where: { id } }).catch(() => {
      throw new RuleError(`${c.name} now has a site. Only a customer without sites can be deleted.`);
    });
    await recordAudit({ actor: a, action: "customers.delete", target: { type: "Customer", id, label: c.name } }, tx);
  });
  return { message: `${c.name} is deleted.` };
}
