import "server-only";
// Changes on the Installers page. Each is one transaction: the change, its audit events and
// its outbox rows commit together or not at all. Status changes are conditional updates, so
// two admins acting at once end consistent, and bulk results say what was skipped and why.
import { builtInUsergroupId } from "../access/roles";
import type { z } from "zod";
import { db, type Tx } from "../db";
import { isUniqueViolation } from "../db-values";
import { assertCan } from "../access/guard";
import { canSeePanelGroup, NotFoundError, type Actor } from "../access/actor";
import { grantableRole } from "../employees/mutations";
import { assertEmailUnused, unusableEmail } from "../account/email-in-use";
import { recordAudit } from "../audit/mutations";
import { appUrl } from "../config";
import { DeniedError, RuleError } from "../actions/result";
import { CODE_TTL_MS } from "../auth/codes";
import { issueCode } from "../auth/one-time-codes";
import { assertCodeRequestAllowed, humanDuration, queuePasswordResetCode } from "../account/mutations";
import { kickDelivery, queueEmail } from "../email/outbox";
import { CodeEmail } from "../email/templates";
import { emailConfiguredFor } from "../email/transport";
import { installerSearchText, installerSearchTokens } from "./search";
import { ACCEPTABLE, bulkSummary, REJECTABLE, STATUS_LABEL, type InstallerStatusName } from "./rules";
import type { assignPanelSchema, convertInstallerSchema, registerInstallerSchema } from "./schemas";

export type MutationOutcome = { message: string; warning?: string };

const EMAIL_NOT_CONFIGURED = "Email delivery is not configured: the code is queued and will go out once email is configured.";

function emailWarning(actor: Actor): string | undefined {
  return emailConfiguredFor(actor) ? undefined : EMAIL_NOT_CONFIGURED;
}

async function queueRegistrationCode(tx: Tx, actor: Actor, installer: { userId: string; email: string; name: string }) {
  const { code, expiresAt } = await issueCode(tx, installer.userId, "INSTALLER_REGISTRATION");
  await queueEmail(tx, {
    organizationId: actor.organizationId,
    to: installer.email,
    subject: `Your installer registration code for ${actor.organizationName}`,
    template: "installer-registration",
    expiresAt,
    body: CodeEmail({
      organization: actor.organizationName,
      heading: `Welcome, ${installer.name}`,
      intro: `${actor.organizationName} registered you for the installer application. Use this one-time code to finish your registration and choose a password.`,
      code,
      link: `${appUrl()}/installer/register?email=${encodeURIComponent(installer.email)}`,
      linkLabel: "Finish registration",
      expiresIn: humanDuration(CODE_TTL_MS.INSTALLER_REGISTRATION),
    }),
  });
}

/** Registers a legacy installer (Pending) and queues the one-time registration code. */
export async function registerInstaller(actor: Actor | null, input: z.output<typeof registerInstallerSchema>): Promise<MutationOutcome & { installerId: string }> {
  const a = await assertCan(actor, "installers.add");
  const duplicate = new RuleError("An account with this email already exists.", {
    email: "An account with this email already exists. To send a new code, open the installer and select Resend registration code.",
  });
  await assertEmailUnused(a.organizationId, input.email, duplicate);
  try {
    const installerId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { organizationId: a.organizationId, email: input.email, name: input.name, kind: "INSTALLER" } });
      const tokens = installerSearchTokens(input);
      const installer = await tx.installer.create({
        data: { organizationId: a.organizationId, userId: user.id, name: input.name, email: input.email, phone: input.phone, status: "PENDING", searchText: installerSearchText(tokens) },
      });
      await tx.installerSearchToken.createMany({ data: tokens.map((token) => ({ organizationId: a.organizationId, token, installerId: installer.id })) });
      await tx.organization.update({ where: { id: a.organizationId }, data: { installerCount: { increment: 1 } } });
      await queueRegistrationCode(tx, a, { userId: user.id, email: input.email, name: input.name });
      await recordAudit({ actor: a, action: "installers.register", target: { type: "Installer", id: installer.id, label: `${input.name} <${input.email}>` } }, tx);
      return installer.id;
    });
    await kickDelivery();
    return { installerId, message: `${input.name} is registered. A one-time registration code was sent to ${input.email}.`, warning: emailWarning(a) };
  } catch (e) {
    if (isUniqueViolation(e)) throw unusableEmail(); // taken meanwhile, by whichever organization
    throw e;
  }
}

/** A new registration code for an installer who has not finished registering (troubleshooting). */
export async function resendRegistrationCode(actor: Actor | null, installerId: string): Promise<MutationOutcome> {
  const a = await assertCan(actor, "installers.add");
  const installer = await db.installer.findFirst({ where: { id: installerId, organizationId: a.organizationId }, include: { user: { select: { passwordHash: true } } } });
  if (!installer) throw new NotFoundError("The installer");
  if (installer.user.passwordHash) throw new RuleError("This installer has already finished registration. Use Reset password instead.");
  await assertCodeRequestAllowed(installer.email);
  await db.$transaction(async (tx) => {
    await queueRegistrationCode(tx, a, installer);
    await recordAudit({ actor: a, action: "installers.resend_registration_code", target: { type: "Installer", id: installer.id, label: installer.email } }, tx);
  });
  await kickDelivery();
  return { message: `A new registration code was sent to ${installer.email}. The earlier code no longer works.`, warning: emailWarning(a) };
}

type StatusChange = { action: "accept" | "reject"; from: InstallerStatusName[]; to: InstallerStatusName; verb: string };
const ACCEPT: StatusChange = { action: "accept", from: ACCEPTABLE, to: "ACCEPTED", verb: "accepted" };
const REJECT: StatusChange = { action: "reject", from: REJECTABLE, to: "REJECTED", verb: "rejected" };

/**
 * A bulk action naming an installer of another organization is refused whole (and audited): a real
 * screen never sends one. Rows that vanished meanwhile are reported as skipped, as usual.
 */
async function refuseForeignInstallers(tx: Tx, a: Actor, ids: string[]) {
  const foreign = await tx.installer.count({ where: { id: { in: ids }, NOT: { organizationId: a.organizationId } } });
  if (foreign) throw new DeniedError("The selection is not valid. Nothing was changed.", `bulk action naming ${foreign} installer(s) of another organization`);
}

async function changeStatus(actor: Actor | null, ids: string[], change: StatusChange): Promise<MutationOutcome & { applied: number }> {
  const a = await assertCan(actor, "installers.accept");
  const unique = [...new Set(ids)];
  const result = await db.$transaction(async (tx) => {
    await refuseForeignInstallers(tx, a, unique);
    // Conditional on the status still being one the action applies to; returns exactly the rows changed.
    const applied = await tx.installer.updateManyAndReturn({
      where: { id: { in: unique }, organizationId: a.organizationId, status: { in: change.from } },
      data: { status: change.to },
      select: { id: true, userId: true, name: true, email: true },
    });
    if (change.action === "reject" && applied.length) {
      // Reject cuts the installer's sessions off at once.
      await tx.user.updateMany({ where: { id: { in: applied.map((r) => r.userId) } }, data: { sessionVersion: { increment: 1 } } });
    }
    await tx.auditEvent.createMany({
      data: applied.map((r) => ({
        organizationId: a.organizationId,
        actorUserId: a.userId,
        actorEmail: a.email,
        action: `installers.${change.action}`,
        targetType: "Installer",
        targetId: r.id,
        targetLabel: `${r.name} <${r.email}>`,
        outcome: "SUCCESS" as const,
        ip: a.ip ?? null,
      })),
    });
    const appliedIds = new Set(applied.map((r) => r.id));
    const rest = await tx.installer.findMany({ where: { id: { in: unique.filter((id) => !appliedIds.has(id)) }, organizationId: a.organizationId }, select: { status: true } });
    const already = rest.filter((r) => r.status === change.to).length;
    return {
      applied: applied.length,
      skipped: [
        { reason: `already ${change.verb}`, count: already },
        { reason: `not ${change.from.map((s) => STATUS_LABEL[s]).join(" or ")}`, count: rest.length - already },
        { reason: "no longer exist", count: unique.length - applied.length - rest.length },
      ].filter((s) => s.count),
    };
  });
  const message = bulkSummary(change.verb, result.applied, result.skipped);
  // Nothing applied (e.g. every row was already in that status, or is not in this organization) is a refusal.
  if (result.applied === 0) throw new RuleError(message);
  return { applied: result.applied, message };
}

export const acceptInstallers = (actor: Actor | null, ids: string[]) => changeStatus(actor, ids, ACCEPT);
export const rejectInstallers = (actor: Actor | null, ids: string[]) => changeStatus(actor, ids, REJECT);

/** Permanently removes installers and their logins; the audit log keeps who removed whom. */
export async function removeInstallers(actor: Actor | null, ids: string[]): Promise<MutationOutcome & { applied: number }> {
  const a = await assertCan(actor, "installers.remove");
  const unique = [...new Set(ids)];
  const removed = await db.$transaction(async (tx) => {
    await refuseForeignInstallers(tx, a, unique);
    const rows = await tx.installer.findMany({ where: { id: { in: unique }, organizationId: a.organizationId }, select: { id: true, userId: true, name: true, email: true } });
    const deleted = await tx.user.deleteMany({ where: { id: { in: rows.map((r) => r.userId) }, organizationId: a.organizationId, kind: "INSTALLER" } });
    await tx.organization.update({ where: { id: a.organizationId }, data: { installerCount: { decrement: deleted.count } } });
    await tx.auditEvent.createMany({
      data: rows.map((r) => ({
        organizationId: a.organizationId,
        actorUserId: a.userId,
        actorEmail: a.email,
        action: "installers.remove",
        targetType: "Installer",
        targetId: r.id,
        targetLabel: `${r.name} <${r.email}>`,
        outcome: "SUCCESS" as const,
        ip: a.ip ?? null,
      })),
    });
    return deleted.count;
  });
  const message = bulkSummary("removed", removed, [{ reason: "no longer exist", count: unique.length - removed }]);
  if (removed === 0) throw new RuleError(message);
  return { applied: removed, message };
}

/** Sends a one-time password reset code; the admin never sees or sets the password. */
export async function resetInstallerPassword(actor: Actor | null, installerId: string): Promise<MutationOutcome> {
  const a = await assertCan(actor, "installers.resetPassword");
  const installer = await db.installer.findFirst({ where: { id: installerId, organizationId: a.organizationId }, select: { id: true, userId: true, email: true, name: true } });
  if (!installer) throw new NotFoundError("The installer");
  await assertCodeRequestAllowed(installer.email);
  await db.$transaction(async (tx) => {
    await queuePasswordResetCode(tx, { id: installer.userId, email: installer.email, organizationId: a.organizationId }, "installer", a.organizationName);
    await recordAudit({ actor: a, action: "installers.reset_password", target: { type: "Installer", id: installer.id, label: installer.email } }, tx);
  });
  await kickDelivery();
  return { message: `A one-time password reset code was sent to ${installer.email}.`, warning: emailWarning(a) };
}

/**
 * Converts a legacy installer to an employee with the chosen role and country. Panel
 * assignments in groups the role cannot see are removed. All or nothing.
 */
export async function convertInstallerToEmployee(actor: Actor | null, input: z.output<typeof convertInstallerSchema>): Promise<MutationOutcome & { employeeId: string; unassigned: number }> {
  const a = await assertCan(actor, "installers.convert");
  const result = await db.$transaction(async (tx) => {
    const installer = await tx.installer.findFirst({
      where: { id: input.installerId, organizationId: a.organizationId },
      include: { panels: { include: { panel: { select: { id: true, panelGroupId: true } } } } },
    });
    if (!installer) throw new NotFoundError("The installer");
    const role = await grantableRole(tx, a, input.roleId);
    const visible = new Set(role.panelGroups.map((g) => g.panelGroupId));
    const kept = installer.panels.filter((p) => role.allPanelGroups || visible.has(p.panel.panelGroupId));
    // Conditional: a concurrent removal or conversion makes this one fail whole.
    const gone = await tx.installer.deleteMany({ where: { id: installer.id, organizationId: a.organizationId } });
    if (gone.count !== 1) throw new NotFoundError("The installer");
    await tx.organization.update({ where: { id: a.organizationId }, data: { installerCount: { decrement: 1 } } });
    await tx.user.update({ where: { id: installer.userId }, data: { kind: "EMPLOYEE", usergroupId: await builtInUsergroupId(tx, a.organizationId, "STAFF"), sessionVersion: { increment: 1 } } });
    const employee = await tx.employee.create({
      data: {
        organizationId: a.organizationId,
        userId: installer.userId,
        fullName: input.fullName,
        email: installer.email,
        phone: input.phone,
        country: input.country,
        roleId: role.id,
        lastLoginAt: installer.lastLoginAt,
        panelCount: kept.length,
        panels: { create: kept.map((p) => ({ panelId: p.panelId })) },
      },
    });
    const unassigned = installer.panels.length - kept.length;
    await recordAudit(
      {
        actor: a,
        action: "installers.convert",
        target: { type: "Installer", id: installer.id, label: `${installer.name} <${installer.email}>` },
        detail: `employee ${employee.id} with role ${role.name}; ${unassigned} panel(s) unassigned (group not visible to the role)`,
      },
      tx,
    );
    return { employeeId: employee.id, unassigned, name: input.fullName, role: role.name };
  });
  const panels = result.unassigned === 1 ? "1 panel was" : `${result.unassigned} panels were`;
  return {
    employeeId: result.employeeId,
    unassigned: result.unassigned,
    message: `${result.name} is now an employee with the role ${result.role}.${result.unassigned ? ` ${panels} unassigned because the role cannot see their groups.` : ""}`,
  };
}

export async function assignPanelToInstaller(actor: Actor | null, input: z.output<typeof assignPanelSchema>): Promise<MutationOutcome> {
  const a = await assertCan(actor, "installers.assignPanels");
  const [installer, panel] = await Promise.all([
    db.installer.findFirst({ where: { id: input.installerId, organizationId: a.organizationId }, select: { id: true, name: true, email: true } }),
    db.panel.findFirst({ where: { id: input.panelId, organizationId: a.organizationId }, select: { id: true, imei: true, panelGroupId: true } }),
  ]);
  if (!installer) throw new NotFoundError("The installer");
  if (!panel || !canSeePanelGroup(a, panel.panelGroupId)) throw new RuleError("Select a panel from the list.", { panelId: "Select a panel from the list." });
  try {
    await db.$transaction(async (tx) => {
      await tx.installerPanel.create({ data: { installerId: installer.id, panelId: panel.id } });
      await tx.installer.update({ where: { id: installer.id }, data: { panelCount: { increment: 1 } } });
      await recordAudit({ actor: a, action: "installers.assign_panel", target: { type: "Installer", id: installer.id, label: installer.email }, detail: `panel ${panel.imei}` }, tx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleError("This panel is already assigned to the installer.", { panelId: "This panel is already assigned to the installer." });
    throw e;
  }
  return { message: `Panel ${panel.imei} is assigned to ${installer.name}.` };
}

export async function unassignPanelFromInstaller(actor: Actor | null, input: z.output<typeof assignPanelSchema>): Promise<MutationOutcome> {
  const a = await assertCan(actor, "installers.unassignPanels");
  const installer = await db.installer.findFirst({ where: { id: input.installerId, organizationId: a.organizationId }, select: { id: true, name: true, email: true } });
  if (!installer) throw new NotFoundError("The installer");
  const panel = await db.panel.findFirst({ where: { id: input.panelId, organizationId: a.organizationId }, select: { imei: true, panelGroupId: true } });
  if (!panel || !canSeePanelGroup(a, panel.panelGroupId)) throw new NotFoundError("The panel");
  await db.$transaction(async (tx) => {
    const removed = await tx.installerPanel.deleteMany({ where: { installerId: installer.id, panelId: input.panelId } });
    if (removed.count === 0) throw new RuleError("This panel is no longer assigned to the installer.");
    await tx.installer.update({ where: { id: installer.id }, data: { panelCount: { decrement: 1 } } });
    await recordAudit({ actor: a, action: "installers.unassign_panel", target: { type: "Installer", id: installer.id, label: installer.email }, detail: `panel ${panel.imei}` }, tx);
  });
  return { message: `Panel ${panel.imei} is unassigned from ${installer.name}.` };
}
