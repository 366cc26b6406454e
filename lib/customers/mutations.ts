import "server-only";
// Customers: add, edit, delete (only a customer without sites).
import type { z } from "zod";
import { db } from "../db";
import { takenMeanwhile } from "../db-values";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { RuleError } from "../actions/result";
import type { customerSchema } from "./schemas";

export async function saveCustomer(actor: Actor | null, input: z.output<typeof customerSchema>) {
  const a = await assertCan(actor, "customers.manage");
  const taken = new RuleError("Another customer has this account number.", { accountNumber: "Another customer has this account number." });
  const clash = await db.customer.findFirst({ where: { organizationId: a.organizationId, accountNumber: input.accountNumber, ...(input.id ? { NOT: { id: input.id } } : {}) } });
  if (clash) throw taken;
  await db
    .$transaction(async (tx) => {
      if (input.id) {
        const updated = await tx.customer.updateMany({ where: { id: input.id, organizationId: a.organizationId }, data: { name: input.name, accountNumber: input.accountNumber } });
        if (updated.count !== 1) throw new NotFoundError("The customer");
      } else {
        input.id = (await tx.customer.create({ data: { organizationId: a.organizationId, name: input.name, accountNumber: input.accountNumber } })).id;
      }
      await recordAudit({ actor: a, action: "customers.save", target: { type: "Customer", id: input.id, label: input.name } }, tx);
    })
    .catch(takenMeanwhile(taken));
  return { message: `${input.name} is saved.` };
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
