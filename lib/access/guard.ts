import "server-only";
import { recordAudit } from "../audit/mutations";
import { can, ForbiddenError, type Actor } from "./actor";
import type { Permission } from "./permissions";

export class UnauthenticatedError extends Error {
  constructor() {
    super("Your session has ended. Sign in again.");
    this.name = "UnauthenticatedError";
  }
}

/**
 * Every data-access function starts here: no caller, or a caller without the permission,
 * is refused (and the denial audited) before any data is read or written.
 */
export async function assertCan(actor: Actor | null | undefined, permission: Permission): Promise<Actor> {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, permission)) {
    await recordAudit({ actor, action: "access.denied", outcome: "DENIED", detail: permission });
    throw new ForbiddenError(permission);
  }
  return actor;
}

/** Any signed-in caller (their own account's actions need no permission). */
export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
