import type { Permission } from "./permissions";

export type UserKindName = "EMPLOYEE" | "INSTALLER" | "CUSTOMER" | "AGENT";

/** The signed-in caller, resolved from the session and checked against the database. */
export type Actor = {
  userId: string;
  organizationId: string;
  organizationName: string;
  kind: UserKindName;
  email: string;
  name: string;
  permissions: ReadonlySet<Permission>;
  /** Panel-group visibility of the actor's role: "all" or the visible group ids. */
  panelGroups: "all" | ReadonlySet<string>;
  roleId: string | null;
  roleName: string | null;
  /** The UserSession this request came with (absent for callers built outside a request). */
  sessionId?: string;
  /** Two-step verification is required and not set up yet: the employee may only set it up. */
  mfaSetupRequired?: boolean;
  /** The organization has saved SMTP settings (Settings → Email); read with the session, for the pages' notices. */
  emailSettingsSaved?: boolean;
  ip?: string | null;
};

/** The single decision point for permissions. Only employees hold console permissions. */
export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && actor.kind === "EMPLOYEE" && !actor.mfaSetupRequired && actor.permissions.has(permission);
}

export function canSeePanelGroup(actor: Actor, panelGroupId: string): boolean {
  return actor.panelGroups === "all" || actor.panelGroups.has(panelGroupId);
}

export class ForbiddenError extends Error {
  constructor(public readonly permission?: Permission) {
    super("You do not have permission to do this.");
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(what = "The record") {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** Nobody can grant a permission they do not hold themselves. */
export function canGrant(actor: Actor, permissions: Iterable<string>): boolean {
  for (const p of permissions) if (!actor.permissions.has(p as Permission)) return false;
  return true;
}

/** What a screen may offer, as flags for its buttons: one map of flag → permission per screen. */
export function permissionFlags<K extends string>(actor: Actor, map: Record<K, Permission>): Record<K, boolean> {
  const flags = {} as Record<K, boolean>;
  for (const key of Object.keys(map) as K[]) flags[key] = can(actor, map[key]);
  return flags;
}

/** A role as far as escalation is concerned: what it may do and which panel groups it sees. */
export type RoleScope = { permissions: Iterable<string>; allPanelGroups: boolean; panelGroupIds: Iterable<string> };

/** A loaded role (with its permission and panel-group rows) as a RoleScope. */
export function roleScope(role: { allPanelGroups: boolean; permissions: { permission: string }[]; panelGroups: { panelGroupId: string }[] }): RoleScope {
  return { permissions: role.permissions.map((p) => p.permission), allPanelGroups: role.allPanelGroups, panelGroupIds: role.panelGroups.map((g) => g.panelGroupId) };
}

/**
 * No escalation through roles: a role is within the actor's own when every permission it holds is
 * the actor's and it sees no panel group the actor does not. Only such roles may be given, and only
 * employees whose current role is within the actor's may have their role changed.
 */
export function roleWithin(actor: Actor, role: RoleScope): boolean {
  if (!canGrant(actor, role.permissions)) return false;
  if (actor.panelGroups === "all") return true;
  if (role.allPanelGroups) return false;
  for (const g of role.panelGroupIds) if (!actor.panelGroups.has(g)) return false;
  return true;
}
