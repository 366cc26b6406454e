import "server-only";
// Guards for pages: signed out → sign-in page; wrong area → its own area; no permission → 403.
import { forbidden, redirect } from "next/navigation";
import { getActor } from "../auth/current";
import { recordAudit } from "../audit/mutations";
import { can, type Actor } from "./actor";
import { homePathFor } from "./areas";
import type { Permission } from "./permissions";

/** Signed-in employees; one who must still set up two-step verification is sent to do so (except on that page). */
export async function requireEmployee(options: { duringMfaSetup?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.kind !== "EMPLOYEE") redirect(homePathFor(actor.kind));
  if (actor.mfaSetupRequired && !options.duringMfaSetup) redirect("/account/mfa");
  return actor;
}

export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await requireEmployee();
  if (!can(actor, permission)) {
    await recordAudit({ actor, action: "access.denied", outcome: "DENIED", detail: `page needs ${permission}` });
    forbidden();
  }
  return actor;
}

export async function requireInstaller(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/installer/login");
  if (actor.kind !== "INSTALLER") redirect(homePathFor(actor.kind));
  return actor;
}

/** The customer web app (customers and agents): signed-out callers go to its sign-in page, other kinds to their own area. */
export async function requireCustomer(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/app/login");
  if (actor.kind !== "CUSTOMER" && actor.kind !== "AGENT") redirect(homePathFor(actor.kind));
  return actor;
}
