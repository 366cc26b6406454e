import "server-only";
// Forgot password by an emailed one-time code (employees and installers), and the
// completion step shared with installer registration and the admin's Reset password.
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { appUrl } from "../config";
import { CODE_TTL_MS, INVALID_CODE_MESSAGE, type CodePurposeName } from "../auth/codes";
import { consumeCode, issueCode } from "../auth/one-time-codes";
import { assertUsablePassword, hashPassword, verifyPassword } from "../auth/passwords";
import { requireActor } from "../access/guard";
import type { Actor } from "../access/actor";
import { endOtherSessions } from "../auth/user-sessions";
import { afterResponse } from "../after-response";
import { allowCodeRequest, claimAttempt, clearLimit, CODE_REQUESTS_LIMITED } from "../auth/rate-limit";
import { humanWait, SIGN_IN_ACCOUNT } from "../auth/rate-limit-rules";
import { RuleError } from "../actions/result";
import { kickDelivery, queueEmail } from "../email/outbox";
import { CodeEmail } from "../email/templates";
import type { Tx } from "../db";

export type AccountArea = "console" | "installer";
const AREA_KIND = { console: "EMPLOYEE", installer: "INSTALLER" } as const;
const AREA_PATH = { console: "/forgot-password/reset", installer: "/installer/reset-password" } as const;

export function humanDuration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.round(minutes / 60)} hours`;
}

/** Issues a reset code and queues its email in the caller's transaction. */
export async function queuePasswordResetCode(tx: Tx, user: { id: string; email: string; organizationId: string }, area: AccountArea, organizationName: string) {
  const { code, expiresAt } = await issueCode(tx, user.id, "PASSWORD_RESET");
  const link = `${appUrl()}${AREA_PATH[area]}?email=${encodeURIComponent(user.email)}`;
  await queueEmail(tx, {
    organizationId: user.organizationId,
    to: user.email,
    subject: "Your password reset code",
    template: "password-reset",
    expiresAt,
    body: CodeEmail({
      organization: organizationName,
      heading: "Reset your password",
      intro: "Use this one-time code to choose a new password.",
      code,
      link,
      linkLabel: "Choose a new password",
      expiresIn: humanDuration(CODE_TTL_MS.PASSWORD_RESET),
    }),
  });
}

/**
 * Always answers the same way and in the same time, whether or not the email belongs to an account:
 * the lookup, the code and the email happen after the response. At most 3 codes per address and
 * 20 per caller address in 15 minutes; refusals past the limit write nothing but one audit row.
 */
export async function requestPasswordReset(email: string, area: AccountArea, ip: string | null): Promise<void> {
  await afterResponse(async () => {
    const allowance = await allowCodeRequest(email, ip);
    if (!allowance.allowed) {
      if (allowance.firstRefusal) await recordAudit({ actorEmail: email, action: `auth.password_reset.request.${area}`, outcome: "DENIED", detail: "too many code requests", ip });
      return;
    }
    const user = await db.user.findUnique({ where: { email }, include: { organization: true, installer: { select: { status: true } } } });
    if (!user || user.kind !== AREA_KIND[area]) {
      await recordAudit({ actorEmail: email, action: `auth.password_reset.request.${area}`, outcome: "FAILURE", detail: "no such account", ip });
      return;
    }
    await db.$transaction(async (tx) => {
      await queuePasswordResetCode(tx, user, area, user.organization.name);
      await recordAudit({ organizationId: user.organizationId, actorEmail: email, action: `auth.password_reset.request.${area}`, target: { type: "User", id: user.id, label: email }, ip }, tx);
    });
    await kickDelivery();
  });
}

/** For a code an admin sends (reset password, resend registration code): the same per-address limit, said plainly. */
export async function assertCodeRequestAllowed(email: string): Promise<void> {
  if (!(await allowCodeRequest(email, null)).allowed) throw new RuleError(CODE_REQUESTS_LIMITED);
}

/**
 * Sets a new password with a valid code of the given purpose. Bumps the session version
 * (every other session ends). Registration also marks the installer as having completed it.
 */
export async function completeWithCode(input: { email: string; code: string; password: string }, area: AccountArea, purpose: CodePurposeName, ip: string | null): Promise<void> {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, kind: true, organizationId: true } });
  const userId = user && user.kind === AREA_KIND[area] ? user.id : null;
  assertUsablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const result = await consumeCode(userId, purpose, input.code, async (tx) => {
    await tx.user.update({ where: { id: userId! }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(
      { organizationId: user!.organizationId, actorEmail: input.email, action: `auth.${purpose.toLowerCase()}.complete`, target: { type: "User", id: userId!, label: input.email }, ip },
      tx,
    );
  });
  if (!result.ok) {
    await recordAudit({ organizationId: user?.organizationId, actorEmail: input.email, action: `auth.${purpose.toLowerCase()}.complete`, outcome: "FAILURE", detail: result.reason, ip });
    throw new RuleError(INVALID_CODE_MESSAGE, { code: INVALID_CODE_MESSAGE });
  }
}

/** Change password: asks for the current one, keeps this session and ends every other. */
export async function changePassword(actor: Actor | null, input: { currentPassword: string; password: string }) {
  const me = requireActor(actor);
  // Throttled like sign-in: a stolen session must not become a way to guess the password.
  const key = `change-password:account:${me.userId}`;
  // Counted before the password is checked (claimAttempt): a burst gets no more tries than one at a time.
  const claimed = await claimAttempt(key, SIGN_IN_ACCOUNT);
  if (claimed.blocked) throw new RuleError(`Too many wrong passwords. Try again in ${humanWait(claimed.waitMs)}.`);
  const user = await db.user.findUniqueOrThrow({ where: { id: me.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit({ actor: me, action: "account.change_password", outcome: "FAILURE", detail: "current password incorrect" });
    throw new RuleError("The current password is incorrect.", { currentPassword: "The current password is incorrect." });
  }
  await clearLimit(key);
  assertUsablePassword(input.password);
  if (input.password === input.currentPassword) throw new RuleError("Choose a password different from the current one.", { password: "Choose a password different from the current one." });
  const passwordHash = await hashPassword(input.password);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.userId }, data: { passwordHash } });
    const count = await endOtherSessions(tx, me.userId, me.sessionId ?? null);
    await recordAudit({ actor: me, action: "account.change_password", target: { type: "User", id: me.userId, label: me.email }, detail: `${count} other session(s) ended` }, tx);
    return count;
  });
  return { message: ended ? `Your password is changed. ${ended} other session${ended === 1 ? " was" : "s were"} signed out.` : "Your password is changed." };
}
