import "server-only";
import { db } from "../db";
import { takenMeanwhile } from "../db-values";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { RuleError } from "../actions/result";
import { recordAudit } from "../audit/mutations";
import { changedFields } from "../edits";
import { PERSONNEL_EDIT_FIELDS, type savePersonnelSchema } from "./schemas";
import type { z } from "zod";

/** Add or edit a personnel record; Associated Login must be an internal login not associated with another record. */
export async function savePersonnel(actor: Actor | null, input: z.output<typeof savePersonnelSchema>) {
  const a = await assertCan(actor, "personnel.manage");
  // The same login associated with another record at the same moment (a login has one record).
  const associatedMeanwhile = new RuleError("This login was just associated with another personnel record.", { loginUserId: "Already associated with another personnel record." });
  return writePersonnel(a, input).catch(takenMeanwhile(associatedMeanwhile));
}

async function writePersonnel(a: Actor, input: Parameters<typeof savePersonnel>[1]) {
  // An edit writes only what its form changed: a change another admin saved meanwhile stays (lib/edits.ts).
  const changed = changedFields(input, input.id ? input.shown : undefined, PERSONNEL_EDIT_FIELDS);
  if (changed.loginUserId) {
    const login = await db.user.findFirst({
      where: { id: changed.loginUserId, organizationId: a.organizationId, kind: "EMPLOYEE", usergroup: { kind: "INTERNAL" } },
      include: { personnel: { select: { id: true, name: true } } },
    });
    if (!login) throw new RuleError("Choose an internal login from the list.", { loginUserId: "Choose an internal login from the list." });
    if (login.personnel && login.personnel.id !== input.id)
      throw new RuleError(`${login.email} is already the login of ${login.personnel.name}.`, { loginUserId: "Already associated with another personnel record." });
  }
  const data = { name: input.name, jobTitle: input.jobTitle, phone: input.phone, email: input.email, loginUserId: input.loginUserId || null };
  if (!input.id) {
    await db.$transaction(async (tx) => {
      const p = await tx.personnel.create({ data: { organizationId: a.organizationId, ...data } });
      await recordAudit({ actor: a, action: "personnel.create", target: { type: "Personnel", id: p.id, label: p.name } }, tx);
    });
    return { message: `${input.name} is added to personnel.` };
  }
  const existing = await db.personnel.findFirst({ where: { id: input.id, organizationId: a.organizationId } });
  if (!existing) throw new NotFoundError("The personnel record");
  await db.$transaction(async (tx) => {
    const saved = await tx.personnel.update({
      where: { id: existing.id },
      data: { ...changed, loginUserId: changed.loginUserId === undefined ? undefined : changed.loginUserId || null },
    });
    await recordAudit(
      { actor: a, action: "personnel.edit", target: { type: "Personnel", id: existing.id, label: saved.name }, detail: saved.loginUserId ? "with associated login" : "no associated login" },
      tx,
    );
  });
  return { message: `${changed.name ?? existing.name} is saved.` };
}
