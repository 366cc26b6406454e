import "server-only";
// Employees: add (with an emailed code to set a password), edit, Edit privilege (role change,
// which cuts the employee's sessions), reset password, delete, and panel assignment.
// The Primary Contact rule: an employee with the Primary Contact role cannot be deleted; change the
// role to Install Technician first. There is always at least one Organization Manager.
import { builtInUsergroupId } from "../access/roles";
import type { z } from "zod";
import { db, type Tx } from "../db";
import { isUniqueViolation } from "../db-values";
import { lockOrganization } from "../organization-lock";
import { assertCan } from "../access/guard";
import { canSeePanelGroup, NotFoundError, roleScope, roleWithin, type Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { appUrl } from "../config";
import { DeniedError, RuleError } from "../actions/result";
import { CODE_TTL_MS } from "../auth/codes";
import { issueCode } from "../auth/one-time-codes";
import { assertCodeRequestAllowed, humanDuration, queuePasswordResetCode } from "../account/mutations";
import { assertEmailUnused, unusableEmail } from "../account/email-in-use";
import { kickDelivery, queueEmail } from "../email/outbox";
import { CodeEmail } from "../email/templates";
import { EMPLOYEE_EDIT_FIELDS, type addEmployeeSchema, type editEmployeeSchema, type editPrivilegeSchema } from "./schemas";
import { changedFields } from "../edits";

export const PRIMARY_CONTACT_RULE = "cannot be deleted while holding the Primary Contact role. Use Edit privilege to change the role to Install Technician first, then delete.";

const ROLE_INCLUDE = { permissions: true, panelGroups: true } as const;

export const ROLE_BEYOND_YOURS = "You cannot give a role with permissions or panel groups beyond your own.";

/** A role of the actor's organization that the actor may give: within their own permissions and panel groups. */
export async function grantableRole(tx: Tx | typeof db, a: Actor, roleId: string) {
  const role = await tx.role.findFirst({ where: { id: roleId, organizationId: a.organizationId }, include: ROLE_INCLUDE });
  if (!role) throw new RuleError("Select a role that exists.", { roleId: "Select a role that exists." });
  if (!roleWithin(a, roleScope(role))) throw new DeniedError(ROLE_BEYOND_YOURS, `give role ${role.name}, beyond the actor's own`, { roleId: ROLE_BEYOND_YOURS });
  return role;
}

async function findEmployee(tx: Tx | typeof db, a: Actor, id: string) {
  const e = await tx.employee.findFirst({ where: { id, organizationId: a.organizationId }, include: { role: { include: ROLE_INCLUDE } } });
  if (!e) throw new NotFoundError("The employee");
  return e;
}

/**
 * The employee, when the actor may change them: their role is within the actor's own. Someone whose
 * role has permissions or panel groups beyond the actor's they may view, not edit, reset, give panels
 * to, re-role or delete (as for roles themselves). Read under the organization's row, where Edit
 * privilege writes roles: a role given at this moment is the role checked. `what` completes
 * "You cannot … <name>".
 */
export async function changeableEmployee(tx: Tx, a: Actor, id: string, what: string) {
  await lockOrganization(tx, a.organizationId);
  return assertEmployeeWithin(a, await findEmployee(tx, a, id), what);
}

function assertEmployeeWithin<E extends Awaited<ReturnType<typeof findEmployee>>>(a: Actor, employee: E, what: string): E {
  if (!roleWithin(a, roleScope(employee.role)))
    throw new DeniedError(
      `You cannot ${what} ${employee.fullName}: their role ${employee.role.name} has permissions or panel groups beyond your own.`,
      `${what} ${employee.fullName}, whose role ${employee.role.name} is beyond the actor's own`,
    );
  return employee;
}

/**
 * Refuses when the change would leave the organization without an Organization Manager. With the
 * organization's row held, and the employee's role read again under it: two Organization Managers
 * demoting (or deleting) each other at once would otherwise each see the other one remain.
 */
async function keepOneOrganizationManager(tx: Tx, a: Actor, employee: { id: string; fullName: string }, what: string) {
  await lockOrganization(tx, a.organizationId);
  const current = await tx.employee.findUnique({ where: { id: employee.id }, select: { role: { select: { builtIn: true } } } });
  if (current?.role.builtIn !== "ORGANIZATION_MANAGER") return;
  const others = await tx.employee.count({ where: { organizationId: a.organizationId, role: { builtIn: "ORGANIZATION_MANAGER" }, NOT: { id: employee.id } } });
  if (others === 0) throw new RuleError(`${employee.fullName} is the last Organization Manager and cannot be ${what}. Make another employee Organization Manager first.`);
}

export async function addEmployee(actor: Actor | null, input: z.output<typeof addEmployeeSchema>) {
  const a = await assertCan(actor, "employees.add");
  const duplicate = new RuleError("An account with this email already exists.", { email: "An account with this email already exists." });
  await assertEmailUnused(a.organizationId, input.email, duplicate);
  try {
    const employeeId = await db.$transaction(async (tx) => {
      const role = await grantableRole(tx, a, input.roleId);
      // An employee's login is internal (seed 002's Staff usergroup).
      const usergroupId = await builtInUsergroupId(tx, a.organizationId, "STAFF");
      const user = await tx.user.create({ data: { organizationId: a.organizationId, email: input.email, name: input.fullName, kind: "EMPLOYEE", usergroupId } });
      const employee = await tx.employee.create({
        data: { organizationId: a.organizationId, userId: user.id, fullName: input.fullName, email: input.email, phone: input.phone, country: input.country, roleId: role.id },
      });
      const { code, expiresAt } = await issueCode(tx, user.id, "EMPLOYEE_SETUP");
      await queueEmail(tx, {
        organizationId: a.organizationId,
        to: input.email,
        subject: `Your account at ${a.organizationName}`,
        template: "employee-setup",
        expiresAt,
        body: CodeEmail({
          organization: a.organizationName,
          heading: `Welcome, ${input.fullName}`,
          intro: `${a.organizationName} created your account in the Dealer Portal with the role ${role.name}. Use this one-time code to choose your password.`,
          code,
          link: `${appUrl()}/setup-password?email=${encodeURIComponent(input.email)}`,
          linkLabel: "Choose your password",
          expiresIn: humanDuration(CODE_TTL_MS.EMPLOYEE_SETUP),
        }),
      });
      await recordAudit({ actor: a, action: "employees.add", target: { type: "Employee", id: employee.id, label: `${input.fullName} <${input.email}>` }, detail: `role ${role.name}` }, tx);
      return employee.id;
    });
    await kickDelivery();
    return { employeeId, message: `${input.fullName} is added. A one-time code to choose a password was sent to ${input.email}.` };
  } catch (e) {
    if (isUniqueViolation(e)) throw unusableEmail(); // taken meanwhile
    throw e;
  }
}

export async function editEmployee(actor: Actor | null, input: z.output<typeof editEmployeeSchema>) {
  const a = await assertCan(actor, "employees.edit");
  // Only what this form changed: a change another admin saved meanwhile stays (lib/edits.ts).
  const data = changedFields(input, input.shown, EMPLOYEE_EDIT_FIELDS);
  const name = await db.$transaction(async (tx) => {
    const employee = await changeableEmployee(tx, a, input.id, "edit");
    if (Object.keys(data).length) await tx.employee.update({ where: { id: input.id }, data });
    const name = data.fullName ?? employee.fullName;
    await recordAudit({ actor: a, action: "employees.edit", target: { type: "Employee", id: input.id, label: name } }, tx);
    return name;
  });
  return { message: `${name} is saved.` };
}

/** Edit privilege: gives the employee another role and ends their sessions at once. */
export async function changeEmployeeRole(actor: Actor | null, input: z.output<typeof editPrivilegeSchema>) {
  const a = await assertCan(actor, "employees.editPrivilege");
  const result = await db.$transaction(async (tx) => {
    // Role changes and deletions of one organization run one after the other, each reading the role as it is now.
    const employee = await changeableEmployee(tx, a, input.id, "change the role of");
    if (employee.userId === a.userId) throw new RuleError("You cannot change your own role. Ask another Organization Manager.");
    const role = await grantableRole(tx, a, input.roleId);
    if (role.id === employee.roleId) return { name: employee.fullName, role: role.name, changed: false };
    if (role.builtIn !== "ORGANIZATION_MANAGER") await keepOneOrganizationManager(tx, a, employee, "given another role");
    // Conditional on the role not having changed meanwhile.
    const updated = await tx.employee.updateMany({ where: { id: employee.id, roleId: employee.roleId }, data: { roleId: role.id } });
    if (updated.count !== 1) throw new RuleError("Someone else changed this employee's role just now. Reload and try again.");
    await tx.user.update({ where: { id: employee.userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit({ actor: a, action: "employees.edit_privilege", target: { type: "Employee", id: employee.id, label: employee.fullName }, detail: `${employee.role.name} → ${role.name}` }, tx);
    return { name: employee.fullName, role: role.name, changed: true };
  });
  return { message: result.changed ? `${result.name} now has the role ${result.role}. Their sessions were ended.` : `${result.name} already has the role ${result.role}.` };
}

export async function resetEmployeePassword(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "employees.resetPassword");
  // Checked before the code budget is spent, and again under the organization's row.
  const employee = assertEmployeeWithin(a, await findEmployee(db, a, id), "reset the password of");
  await assertCodeRequestAllowed(employee.email);
  await db.$transaction(async (tx) => {
    await changeableEmployee(tx, a, id, "reset the password of");
    await queuePasswordResetCode(tx, { id: employee.userId, email: employee.email, organizationId: a.organizationId }, "console", a.organizationName);
    await recordAudit({ actor: a, action: "employees.reset_password", target: { type: "Employee", id, label: employee.email } }, tx);
  });
  await kickDelivery();
  return { message: `A one-time password reset code was sent to ${employee.email}.` };
}

export async function deleteEmployee(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "employees.delete");
  const name = await db.$transaction(async (tx) => {
    // Read under the organization's row, as Edit privilege does: a role given at this moment (Primary
    // Contact, or one above the actor) is the role checked here. "Delete" is grantable, and must not
    // let someone remove those above them.
    const employee = await changeableEmployee(tx, a, id, "delete");
    if (employee.userId === a.userId) throw new RuleError("You cannot delete your own account.");
    if (employee.role.builtIn === "PRIMARY_CONTACT") throw new RuleError(`${employee.fullName} ${PRIMARY_CONTACT_RULE}`);
    await keepOneOrganizationManager(tx, a, employee, "deleted");
    const removed = await tx.user.deleteMany({ where: { id: employee.userId, organizationId: a.organizationId, kind: "EMPLOYEE" } });
    if (removed.count !== 1) throw new NotFoundError("The employee");
    await recordAudit({ actor: a, action: "employees.delete", target: { type: "Employee", id, label: `${employee.fullName} <${employee.email}>` }, detail: `role ${employee.role.name}` }, tx);
    return employee.fullName;
  });
  return { message: `${name} is deleted.` };
}

export async function assignPanelToEmployee(actor: Actor | null, employeeId: string, panelId: string) {
  const a = await assertCan(actor, "employees.assignPanels");
  const employee = await findEmployee(db, a, employeeId);
  const panel = await db.panel.findFirst({ where: { id: panelId, organizationId: a.organizationId } });
  if (!panel || !canSeePanelGroup(a, panel.panelGroupId)) throw new RuleError("Select a panel from the list.", { panelId: "Select a panel from the list." });
  try {
    await db.$transaction(async (tx) => {
      await changeableEmployee(tx, a, employeeId, "assign panels to");
      await tx.employeePanel.create({ data: { employeeId, panelId } });
      await tx.employee.update({ where: { id: employeeId }, data: { panelCount: { increment: 1 } } });
      await recordAudit({ actor: a, action: "employees.assign_panel", target: { type: "Employee", id: employeeId, label: employee.email }, detail: `panel ${panel.imei}` }, tx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleError("This panel is already assigned to the employee.", { panelId: "This panel is already assigned to the employee." });
    throw e;
  }
  return { message: `Panel ${panel.imei} is assigned to ${employee.fullName}.` };
}

export async function unassignPanelFromEmployee(actor: Actor | null, employeeId: string, panelId: string) {
  const a = await assertCan(actor, "employees.assignPanels");
  const employee = await findEmployee(db, a, employeeId);
  const panel = await db.panel.findFirst({ where: { id: panelId, organizationId: a.organizationId } });
  if (!panel || !canSeePanelGroup(a, panel.panelGroupId)) throw new NotFoundError("The panel");
  await db.$transaction(async (tx) => {
    await changeableEmployee(tx, a, employeeId, "unassign panels from");
    const removed = await tx.employeePanel.deleteMany({ where: { employeeId, panelId } });
    if (removed.count === 0) throw new RuleError("This panel is no longer assigned to the employee.");
    await tx.employee.update({ where: { id: employeeId }, data: { panelCount: { decrement: 1 } } });
    await recordAudit({ actor: a, action: "employees.unassign_panel", target: { type: "Employee", id: employeeId, label: employee.email }, detail: `panel ${panel.imei}` }, tx);
  });
  return { message: `Panel ${panel.imei} is unassigned from ${employee.fullName}.` };
}
