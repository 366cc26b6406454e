import "server-only";
// Panels and panel groups. One transaction each; uniqueness per organization; a group must
// be empty to be deleted; deleting a panel keeps installers' and employees' panel counts right.
import type { z } from "zod";
import { db } from "../db";
import { assertCan } from "../access/guard";
import { canSeePanelGroup, NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { RuleError } from "../actions/result";
import { PANEL_EDIT_FIELDS, type panelGroupSchema, type panelSchema } from "./schemas";
import { changedFields } from "../edits";

function isUniqueViolation(e: unknown, field?: string): boolean {
  if (typeof e !== "object" || e === null || (e as { code?: string }).code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify((e as { meta?: unknown }).meta ?? "").includes(field);
}

async function visiblePanel(a: Actor, id: string) {
  const panel = await db.panel.findFirst({ where: { id, organizationId: a.organizationId } });
  if (!panel || !canSeePanelGroup(a, panel.panelGroupId)) throw new NotFoundError("The panel");
  return panel;
}

async function visibleGroup(a: Actor, id: string) {
  const group = await db.panelGroup.findFirst({ where: { id, organizationId: a.organizationId } });
  if (!group || !canSeePanelGroup(a, group.id)) throw new RuleError("Select a panel group from the list.", { panelGroupId: "Select a panel group from the list." });
  return group;
}

async function uniquePanelFields(a: Actor, input: { imei: string; accountCode: string }, exceptId?: string) {
  const clash = await db.panel.findFirst({
    where: { organizationId: a.organizationId, OR: [{ imei: input.imei }, { accountCode: input.accountCode }], ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { imei: true },
  });
  if (clash) {
    throw clash.imei === input.imei
      ? new RuleError("A panel with this IMEI already exists.", { imei: "A panel with this IMEI already exists." })
      : new RuleError("A panel with this account code already exists.", { accountCode: "A panel with this account code already exists." });
  }
}

export async function savePanel(actor: Actor | null, input: z.output<typeof panelSchema>) {
  const a = await assertCan(actor, "panels.manage");
  await visibleGroup(a, input.panelGroupId);
  if (input.id) await visiblePanel(a, input.id);
  await uniquePanelFields(a, input, input.id);
  const data = { imei: input.imei, accountCode: input.accountCode, panelGroupId: input.panelGroupId, installerAppAccess: input.installerAppAccess };
  try {
    await db.$transaction(async (tx) => {
      // An edit writes only what its form changed: a change another admin saved meanwhile stays (lib/edits.ts).
      const panel = input.id
        ? await tx.panel.update({ where: { id: input.id }, data: changedFields(input, input.shown, PANEL_EDIT_FIELDS) })
        : await tx.panel.create({ data: { organizationId: a.organizationId, ...data } });
      await recordAudit({ actor: a, action: input.id ? "panels.edit" : "panels.add", target: { type: "Panel", id: panel.id, label: panel.imei } }, tx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) await uniquePanelFields(a, input, input.id);
    throw e;
  }
  return { message: input.id ? `Panel ${input.imei} is saved.` : `Panel ${input.imei} is added.` };
}

export async function setPanelInstallerAppAccess(actor: Actor | null, id: string, installerAppAccess: boolean) {
  const a = await assertCan(actor, "panels.manage");
  const panel = await visiblePanel(a, id);
  await db.$transaction(async (tx) => {
    await tx.panel.update({ where: { id }, data: { installerAppAccess } });
    await recordAudit({ actor: a, action: "panels.installer_app_access", target: { type: "Panel", id, label: panel.imei }, detail: installerAppAccess ? "on" : "off" }, tx);
  });
  return { message: `Installer app access is ${installerAppAccess ? "on" : "off"} for panel ${panel.imei}.` };
}

export async function deletePanel(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "panels.manage");
  const panel = await visiblePanel(a, id);
  await db.$transaction(async (tx) => {
    const installers = await tx.installerPanel.findMany({ where: { panelId: id }, select: { installerId: true } });
    const employees = await tx.employeePanel.findMany({ where: { panelId: id }, select: { employeeId: true } });
    await tx.installer.updateMany({ where: { id: { in: installers.map((i) => i.installerId) } }, data: { panelCount: { decrement: 1 } } });
    await tx.employee.updateMany({ where: { id: { in: employees.map((e) => e.employeeId) } }, data: { panelCount: { decrement: 1 } } });
    const removed = await tx.panel.deleteMany({ where: { id, organizationId: a.organizationId } });
    if (removed.count !== 1) throw new NotFoundError("The panel");
    await recordAudit(
      { actor: a, action: "panels.delete", target: { type: "Panel", id, label: panel.imei }, detail: `unassigned from ${installers.length} installer(s) and ${employees.length} employee(s)` },
      tx,
    );
  });
  return { message: `Panel ${panel.imei} is deleted.` };
}

export async function savePanelGroup(actor: Actor | null, input: z.output<typeof panelGroupSchema>) {
  const a = await assertCan(actor, "panelGroups.manage");
  const duplicate = new RuleError("A panel group with this name already exists.", { name: "A panel group with this name already exists." });
  if (await db.panelGroup.findFirst({ where: { organizationId: a.organizationId, name: input.name, ...(input.id ? { NOT: { id: input.id } } : {}) } })) throw duplicate;
  try {
    await db.$transaction(async (tx) => {
      if (input.id) {
        const group = await tx.panelGroup.findFirst({ where: { id: input.id, organizationId: a.organizationId } });
        if (!group || !canSeePanelGroup(a, group.id)) throw new NotFoundError("The panel group");
        await tx.panelGroup.update({ where: { id: input.id }, data: { name: input.name } });
        await recordAudit({ actor: a, action: "panel_groups.rename", target: { type: "PanelGroup", id: input.id, label: input.name }, detail: `was ${group.name}` }, tx);
      } else {
        const group = await tx.panelGroup.create({ data: { organizationId: a.organizationId, name: input.name } });
        await recordAudit({ actor: a, action: "panel_groups.create", target: { type: "PanelGroup", id: group.id, label: input.name } }, tx);
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate;
    throw e;
  }
  return { message: input.id ? `The group is renamed to ${input.name}.` : `Panel group ${input.name} is created.` };
}

export async function deletePanelGroup(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "panelGroups.manage");
  const group = await db.panelGroup.findFirst({ where: { id, organizationId: a.organizationId } });
  if (!group || !canSeePanelGroup(a, group.id)) throw new NotFoundError("The panel group");
  const panels = group.panelCount;
  if (panels > 0) {
    throw new RuleError(`${group.name} still has ${panels} panel${panels === 1 ? "" : "s"}. Move or delete them first: only an empty group can be deleted.`);
  }
  await db.$transaction(async (tx) => {
    try {
      await tx.panelGroup.delete({ where: { id } });
    } catch {
      throw new RuleError("Only an empty group can be deleted: a panel was added meanwhile.");
    }
    await recordAudit({ actor: a, action: "panel_groups.delete", target: { type: "PanelGroup", id, label: group.name } }, tx);
  });
  return { message: `Panel group ${group.name} is deleted.` };
}
