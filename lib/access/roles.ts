import "server-only";
import type { Tx } from "../db";
import { BUILT_IN_ROLE_PERMISSIONS, BUILT_IN_ROLES, type BuiltInRole } from "./permissions";

/** Creates the four built-in roles of a new organization with their default permissions. */
export async function createBuiltInRoles(tx: Tx, organizationId: string): Promise<Record<BuiltInRole, string>> {
  const ids = {} as Record<BuiltInRole, string>;
  for (const key of Object.keys(BUILT_IN_ROLES) as BuiltInRole[]) {
    const role = await tx.role.create({
      data: {
        organizationId,
        name: BUILT_IN_ROLES[key],
        builtIn: key,
        allPanelGroups: true,
        permissions: { create: BUILT_IN_ROLE_PERMISSIONS[key].map((permission) => ({ permission })) },
      },
    });
    ids[key] = role.id;
  }
  return ids;
}

/** Seed 002's built-in usergroups: Customer Portal (external), Agent (external, read-only), Staff (internal). */
export const BUILT_IN_USERGROUPS = {
  CUSTOMER_PORTAL: { name: "Customer Portal", kind: "EXTERNAL", canAccessApp: true, permissionGroups: "" },
  AGENT: { name: "Agent", kind: "EXTERNAL", canAccessApp: true, permissionGroups: "" },
  STAFF: { name: "Staff", kind: "INTERNAL", canAccessApp: true, permissionGroups: "Personnel & jobs" },
} as const;
export type BuiltInUsergroup = keyof typeof BUILT_IN_USERGROUPS;

export async function createBuiltInUsergroups(tx: Tx, organizationId: string): Promise<Record<BuiltInUsergroup, string>> {
  const ids = {} as Record<BuiltInUsergroup, string>;
  for (const key of Object.keys(BUILT_IN_USERGROUPS) as BuiltInUsergroup[]) {
    const group = await tx.usergroup.create({ data: { organizationId, builtIn: key, ...BUILT_IN_USERGROUPS[key] } });
    ids[key] = group.id;
  }
  return ids;
}

/** The id of an organization's built-in usergroup (created with the organization, or by the migration). */
export async function builtInUsergroupId(tx: Tx, organizationId: string, key: BuiltInUsergroup): Promise<string> {
  const found = await tx.usergroup.findFirst({ where: { organizationId, builtIn: key }, select: { id: true } });
  if (found) return found.id;
  return (await tx.usergroup.create({ data: { organizationId, builtIn: key, ...BUILT_IN_USERGROUPS[key] }, select: { id: true } })).id;
}
