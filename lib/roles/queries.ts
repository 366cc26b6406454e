import "server-only";
import { db } from "../db";
import { tally } from "../tally";
import { assertCan } from "../access/guard";
import { permissionFlags, roleScope, roleWithin, type Actor } from "../access/actor";
import { BUILT_IN_ROLES, type BuiltInRole } from "../access/permissions";
import { visibleGroupWhere } from "../panels/rules";

export async function listRoles(actor: Actor | null) {
  const a = await assertCan(actor, "roles.view");
  const [roles, groups] = await Promise.all([
    db.role.findMany({
      where: { organizationId: a.organizationId },
      orderBy: [{ builtIn: "asc" }, { name: "asc" }],
      include: { permissions: { select: { permission: true } }, panelGroups: { select: { panelGroupId: true } } },
    }),
    db.panelGroup.findMany({ where: { organizationId: a.organizationId, ...visibleGroupWhere(a) }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const employeesOf = tally(await db.employee.groupBy({ by: ["roleId"], where: { organizationId: a.organizationId, roleId: { in: roles.map((r) => r.id) } }, _count: { _all: true } }), "roleId");
  return {
    roles: roles.map((r) => ({
      id: r.id,
      name: r.name,
      builtIn: r.builtIn as BuiltInRole | null,
      employees: employeesOf(r.id),
      permissions: r.permissions.map((p) => p.permission),
      allPanelGroups: r.allPanelGroups,
      panelGroupIds: r.panelGroups.map((g) => g.panelGroupId),
      // Within the viewer's own role: only then may they change or delete it (lib/roles/mutations).
      withinMine: r.builtIn !== "ORGANIZATION_MANAGER" && roleWithin(a, roleScope(r)),
    })),
    groups,
    permissions: permissionFlags(a, { manage: "roles.manage" }),
    actorPermissions: [...a.permissions],
    actorSeesAllGroups: a.panelGroups === "all",
    builtInNames: BUILT_IN_ROLES,
  };
}
export type RolesPageData = Awaited<ReturnType<typeof listRoles>>;
export type RoleRow = RolesPageData["roles"][number];
