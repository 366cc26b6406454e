import "server-only";
// Forgot password by an emailed one-time code (employees and installers), and the
// completion step shared with installer registration and the admin's Reset password.
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { appUrl } from "../config";
import { CODE_TTL_MS, INVALID_CODE_MESSAGE, type CodePurposeName } from "../auth/codes";
import { consumeCode, issueCode } from "../auth/one-time-codes";
import { hashPassword } from "../auth/passwords";
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

/** Always answers the same way, whether or not the email belongs to an account. */
export async function requestPasswordReset(email: string, area: AccountArea, ip: string | null): Promise<void> {
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
}

/**
 * Sets a new password with a valid code of the given purpose. Bumps the session version
 * (every other session ends). Registration also marks the installer as having completed it.
 */
export async function completeWithCode(input: { email: string; code: string; password: string }, area: AccountArea, purpose: CodePurposeName, ip: string | null): Promise<void> {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, kind: true, organizationId: true } });
  const userId = user && user.kind === AREA_KIND[area] ? user.id : null;
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
