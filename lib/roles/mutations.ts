import "server-only";
// Roles: a name, permissions by group, and the panel groups the role sees.
// Nobody grants a permission, or a panel group, that they do not hold themselves, and nobody
// changes or deletes a role that holds one.
import type { z } from "zod";
import { db } from "../db";
import { takenMeanwhile } from "../db-values";
import { assertCan } from "../access/guard";
import { canSeePanelGroup, NotFoundError, roleScope, roleWithin, type Actor } from "../access/actor";
import { BUILT_IN_ROLES, permissionLabel, type BuiltInRole, type Permission } from "../access/permissions";
import { recordAudit } from "../audit/mutations";
import { DeniedError, RuleError } from "../actions/result";
import { lockOrganization } from "../organization-lock";
import { applySetChanges, applyValueChange } from "./rules";
import type { roleSchema } from "./schemas";

const ROLE_SCOPE = { permissions: true, panelGroups: true } as const;

/**
 * A role is changed or deleted only by someone whose own role covers it (roleWithin), as an
 * employee's role is changed only by such a person: otherwise "Manage roles" would let its holder
 * take permissions or panel groups away from everyone above them.
 */
function assertRoleWithin(a: Actor, role: Parameters<typeof roleScope>[0] & { name: string }, what: "change" | "delete") {
  if (!roleWithin(a, roleScope(role)))
    throw new DeniedError(`You cannot ${what} the role ${role.name}: it has permissions or panel groups beyond your own.`, `${what} the role ${role.name}, which is beyond the actor's own`);
}

export async function saveRole(actor: Actor | null, input: z.output<typeof roleSchema>) {
  const a = await assertCan(actor, "roles.manage");
  const existing = input.id ? await db.role.findFirst({ where: { id: input.id, organizationId: a.organizationId }, include: ROLE_SCOPE }) : null;
  if (input.id && !existing) throw new NotFoundError("The role");
  if (existing?.builtIn === "ORGANIZATION_MANAGER") throw new RuleError("The Organization Manager role always holds every permission and sees every panel group; it cannot be changed.");
  if (existing) assertRoleWithin(a, existing, "change");
  const nameTaken = new RuleError("A role with this name already exists.", { name: "A role with this name already exists." });

  const saved = await db
    .$transaction(async (tx) => {
      // An edit reads the role again with the organization's row held, where other saves of it,
      // Edit privilege and Delete also hold it: what this editor changed is applied to the role as
      // the last save left it (applySetChanges), and its scope is checked as it is now.
      let current = null;
      if (existing) {
        await lockOrganization(tx, a.organizationId);
        current = await tx.role.findUnique({ where: { id: existing.id }, include: ROLE_SCOPE });
        if (!current) throw new NotFoundError("The role");
        assertRoleWithin(a, current, "change");
      }
      const edit = current && input.shown ? { current, shown: input.shown } : null;
      const name = current?.builtIn ? BUILT_IN_ROLES[current.builtIn as BuiltInRole] : edit ? applyValueChange(edit.current.name, edit.shown.name, input.name) : input.name;
      if (!current?.builtIn && (Object.values(BUILT_IN_ROLES) as string[]).includes(name) && current?.name !== name) {
        throw new RuleError("This name belongs to a built-in role.", { name: "This name belongs to a built-in role." });
      }
      const permissions = [
        ...new Set(
          edit
            ? applySetChanges(
                edit.current.permissions.map((p) => p.permission),
                edit.shown.permissions,
                input.permissions,
              )
            : input.permissions,
        ),
      ] as Permission[];
      const allPanelGroups = edit ? applyValueChange(edit.current.allPanelGroups, edit.shown.allPanelGroups, input.allPanelGroups) : input.allPanelGroups;
      const groups = allPanelGroups
        ? []
        : [
            ...new Set(
              edit
                ? applySetChanges(
                    edit.current.panelGroups.map((g) => g.panelGroupId),
                    edit.shown.panelGroupIds,
                    input.panelGroupIds,
                  )
                : input.panelGroupIds,
            ),
          ];
      const granted = permissions.filter((p) => !a.permissions.has(p));
      if (granted.length) throw new RuleError(`You cannot grant permissions you do not hold yourself: ${granted.map(permissionLabel).join(", ")}.`);
      if (allPanelGroups && a.panelGroups !== "all") throw new RuleError("You cannot give visibility of all panel groups: your own role does not see them all.");
      const known = await tx.panelGroup.findMany({ where: { id: { in: groups }, organizationId: a.organizationId }, select: { id: true } });
      if (known.length !== groups.length || groups.some((g) => !canSeePanelGroup(a, g))) throw new RuleError("Choose panel groups from the list.");
      if (await tx.role.findFirst({ where: { organizationId: a.organizationId, name, ...(current ? { NOT: { id: current.id } } : {}) }, select: { id: true } })) throw nameTaken;
      const role = current
        ? await tx.role.update({ where: { id: current.id }, data: { name, allPanelGroups } })
        : await tx.role.create({ data: { organizationId: a.organizationId, name, allPanelGroups } });
      await tx.rolePermission.deleteMany({ where: { roleId: role.id } });
      await tx.rolePermission.createMany({ data: permissions.map((permission) => ({ roleId: role.id, permission })) });
      await tx.rolePanelGroup.deleteMany({ where: { roleId: role.id } });
      await tx.rolePanelGroup.createMany({ data: groups.map((panelGroupId) => ({ roleId: role.id, panelGroupId })) });
      await recordAudit(
        {
          actor: a,
          action: current ? "roles.edit" : "roles.create",
          target: { type: "Role", id: role.id, label: name },
          detail: `${permissions.length} permission(s); ${allPanelGroups ? "all panel groups" : `${groups.length} panel group(s)`}`,
        },
        tx,
      );
      return { roleId: role.id, name };
    })
    .catch(takenMeanwhile(nameTaken));
  return { roleId: saved.roleId, message: existing ? `Role ${saved.name} is saved.` : `Role ${saved.name} is created.` };
}

export async function deleteRole(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "roles.manage");
  const role = await db.role.findFirst({ where: { id, organizationId: a.organizationId }, include: { permissions: true, panelGroups: true } });
  if (!role) throw new NotFoundError("The role");
  if (role.builtIn) throw new RuleError(`${role.name} is a built-in role and cannot be deleted.`);
  assertRoleWithin(a, role, "delete");
  const employees = await db.employee.count({ where: { organizationId: a.organizationId, roleId: role.id } });
  if (employees) {
    throw new RuleError(`${role.name} is held by ${employees} employee${employees === 1 ? "" : "s"}. Give them another role first.`);
  }
  await db.$transaction(async (tx) => {
    // Conditional: an employee given this role meanwhile makes the delete fail (Restrict).
    await tx.role.delete({ where: { id } }).catch(() => {
      throw new RuleError(`${role.name} is now held by an employee. Give them another role first.`);
    });
    await recordAudit({ actor: a, action: "roles.delete", target: { type: "Role", id, label: role.name } }, tx);
  });
  return { message: `Role ${role.name} is deleted.` };
}
