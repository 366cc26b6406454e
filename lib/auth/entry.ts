import "server-only";
// Sign-in and sign-out, shared by the console's and the installer app's sign-in actions.
import { AuthError } from "next-auth";
import { RuleError } from "../actions/result";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { signIn, signOut } from "./auth";
import type { SignInArea } from "./sign-in";
import { SIGN_IN_LINK_PROVIDER } from "./sign-in-link";
import { db } from "../db";
import { requireActor } from "../access/guard";
import { endOtherSessions, endUserSession } from "./user-sessions";
import { humanWait } from "./rate-limit-rules";
import { hasConfirmedMfa, verifyMfaSignIn } from "./mfa";
import { redirect } from "next/navigation";
import { safeNextPath } from "./schemas";
import { normalizeEmail } from "../email-address";
import { PORTAL_STEP_TEXT, portalNotReadyMessage, type PortalStep } from "../portal/rules";

export const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid: "The email or password is incorrect.",
  throttled: "Too many failed attempts. Wait a few minutes and try again, or reset your password.",
  disabled: "Your access to the installer application is disabled. Contact your dealer to have it accepted again.",
  "login-disabled": "Your login is disabled. Contact your administrator to have it enabled again.",
};

/** Signs in and redirects (Next's redirect passes through the action builder); a refusal is a RuleError with the reason. */
export async function passwordSignIn(area: SignInArea, email: string, password: string, redirectTo: string): Promise<void> {
  // An employee with an authenticator app continues to the second step (only reached with the right password).
  const user = area === "console" ? await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, kind: true } }) : null;
  const needsMfa = user?.kind === "EMPLOYEE" && (await hasConfirmedMfa(user.id));
  try {
    await signIn(area, { email, password, redirectTo: needsMfa ? `/login/mfa?${new URLSearchParams({ next: redirectTo })}` : redirectTo });
  } catch (e) {
    if (e instanceof AuthError) {
      const [code = "invalid", wait] = ((e as AuthError & { code?: string }).code ?? "invalid").split(":");
      if (code === "throttled" && Number(wait) > 0) throw new RuleError(`Too many failed attempts. Try again in ${humanWait(Number(wait))}, or reset your password.`);
      if (code === "portal") throw new RuleError(portalNotReadyMessage((wait ?? "").split(",").filter((s): s is PortalStep => s in PORTAL_STEP_TEXT)));
      throw new RuleError(SIGN_IN_MESSAGES[code] ?? SIGN_IN_MESSAGES.invalid!);
    }
    throw e;
  }
}

/** Emails a sign-in link (Auth.js's email provider) and redirects to the "check your email" page. */
export async function requestSignInLink(email: string, redirectTo: string): Promise<void> {
  await signIn(SIGN_IN_LINK_PROVIDER, { email, redirectTo });
}

/** Signs the caller out (audited): the session ends on the server, then the cookie is cleared and the browser sent to the area's sign-in page. */
export async function signOutActor(actor: Actor | null, redirectTo: string): Promise<void> {
  if (actor?.sessionId) await endUserSession(actor.sessionId);
  if (actor) await recordAudit({ actor, action: "auth.sign_out" });
  await signOut({ redirectTo });
}

/** "Sign out of all other sessions": every other browser of this user is signed out at once. */
export async function signOutOtherSessions(actor: Actor | null): Promise<{ message: string }> {
  const me = requireActor(actor);
  const ended = await db.$transaction(async (tx) => {
    const count = await endOtherSessions(tx, me.userId, me.sessionId ?? null);
    await recordAudit({ actor: me, action: "auth.sign_out_other_sessions", detail: `${count} other session${count === 1 ? "" : "s"} ended` }, tx);
    return count;
  });
  return { message: ended ? `Signed out of ${ended} other session${ended === 1 ? "" : "s"}.` : "There were no other sessions." };
}

/** The second step: on a right code the waiting session becomes a signed-in one, and the browser goes on. */
export async function completeMfaSignIn(input: { code: string; next?: string }, ip: string | null): Promise<void> {
  await verifyMfaSignIn(input, ip);
  redirect(safeNextPath(input.next, "/"));
}
