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
