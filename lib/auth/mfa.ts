import "server-only";
// Two-step verification for employees: an authenticator app (TOTP, the otpauth package) with 10
// hashed one-time recovery codes. After the password, a session of an enrolled employee waits
// (UserSession.mfaPending) until a code proves the second step; getActor treats it as signed out.
// An organization may require it of every employee: those without it are sent to enrol, and hold
// no permission until they have (lib/access/actor.ts can()).
import { createHmac } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { db, type Tx } from "../db";
import { appSecret } from "../config";
import { decryptSecret, encryptSecret } from "../crypto";
import { recordAudit } from "../audit/mutations";
import { assertCan, requireActor } from "../access/guard";
import type { Actor } from "../access/actor";
import { changeableEmployee } from "../employees/mutations";
import { RuleError } from "../actions/result";
import { verifyPassword } from "./passwords";
import { claimAttempt, clearLimit } from "./rate-limit";
import { humanWait, SIGN_IN_ACCOUNT } from "./rate-limit-rules";
import { readSession } from "./session";
import { generateRecoveryCode, isReplay, isTotpCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT, timeStep, TOTP_DIGITS, TOTP_PERIOD_S, TOTP_WINDOW } from "./mfa-rules";

const ISSUER = "Dealer Portal";
export const INVALID_MFA_CODE = "The code is not right. Enter the current code from your authenticator app, or a recovery code.";

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_S, secret: Secret.fromBase32(secretBase32) });
}

function hashRecoveryCode(userId: string, code: string): string {
  return createHmac("sha256", appSecret())
    .update(`mfa-recovery:${userId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

/** The step a right code was made for, or null; refuses a step already used. */
function acceptTotp(factor: { secretEncrypted: string; lastUsedStep: number | null }, label: string, code: string, now: Date): number | null {
  const delta = totp(decryptSecret(factor.secretEncrypted), label).validate({ token: code.replace(/\s/g, ""), timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = timeStep(now) + delta;
  return isReplay(step, factor.lastUsedStep) ? null : step;
}

/** Whether this user's sign-in needs the second step. */
export async function hasConfirmedMfa(userId: string): Promise<boolean> {
  const factor = await db.mfaFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(factor?.confirmedAt);
}

export type MfaStatus = { enrolled: boolean; required: boolean; recoveryCodesLeft: number };

export async function mfaStatus(actor: Actor | null): Promise<MfaStatus> {
  const me = requireEmployeeActor(actor);
  const [factor, org, left] = await Promise.all([
    db.mfaFactor.findUnique({ where: { userId: me.userId } }),
    db.organization.findUniqueOrThrow({ where: { id: me.organizationId }, select: { requireMfa: true } }),
    db.mfaRecoveryCode.count({ where: { userId: me.userId, usedAt: null } }),
  ]);
  return { enrolled: Boolean(factor?.confirmedAt), required: org.requireMfa, recoveryCodesLeft: left };
}

function requireEmployeeActor(actor: Actor | null): Actor {
  const me = requireActor(actor);
  if (me.kind !== "EMPLOYEE") throw new RuleError("Two-step verification is for employees.");
  return me;
}

/** A new secret for the authenticator app (replacing an unconfirmed one), as a QR code and as text. */
export async function startMfaEnrolment(actor: Actor | null): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const me = requireEmployeeActor(actor);
  if (await hasConfirmedMfa(me.userId)) throw new RuleError("Two-step verification is already on.");
  const secret = new Secret({ size: 20 }).base32;
  await db.mfaFactor.upsert({
    where: { userId: me.userId },
    create: { userId: me.userId, secretEncrypted: encryptSecret(secret) },
    update: { secretEncrypted: encryptSecret(secret), confirmedAt: null, lastUsedStep: null },
  });
  const uri = totp(secret, me.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

async function newRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(userId, c) })) });
  return codes;
}

/** The first code from the app turns two-step verification on; the recovery codes are shown once. */
export async function confirmMfaEnrolment(actor: Actor | null, code: string, now = new Date()) {
  const me = requireEmployeeActor(actor);
  const factor = await db.mfaFactor.findUnique({ where: { userId: me.userId } });
  if (!factor) throw new RuleError("Start the set-up again: open this page to get a new QR code.");
  if (factor.confirmedAt) throw new RuleError("Two-step verification is already on.");
  const step = acceptTotp(factor, me.email, code, now);
  if (step === null) throw new RuleError(INVALID_MFA_CODE, { code: "The code is not right. Enter the current 6-digit code from your authenticator app." });
  const codes = await db.$transaction(async (tx) => {
    const confirmed = await tx.mfaFactor.updateMany({ where: { userId: me.userId, confirmedAt: null, secretEncrypted: factor.secretEncrypted }, data: { confirmedAt: now, lastUsedStep: step } });
    if (confirmed.count !== 1) throw new RuleError("The set-up changed meanwhile. Open this page again.");
    const created = await newRecoveryCodes(tx, me.userId);
    await recordAudit({ actor: me, action: "account.mfa.enrol", target: { type: "User", id: me.userId, label: me.email } }, tx);
    return created;
  });
  return { message: "Two-step verification is on. Keep the recovery codes somewhere safe.", data: { recoveryCodes: codes } };
}

/** New recovery codes; the earlier ones stop working. */
export async function regenerateRecoveryCodes(actor: Actor | null) {
  const me = requireEmployeeActor(actor);
  if (!(await hasConfirmedMfa(me.userId))) throw new RuleError("Turn two-step verification on first.");
  const codes = await db.$transaction(async (tx) => {
    const created = await newRecoveryCodes(tx, me.userId);
    await recordAudit({ actor: me, action: "account.mfa.recovery_codes", target: { type: "User", id: me.userId, label: me.email } }, tx);
    return created;
  });
  return { message: "New recovery codes are ready. The earlier ones no longer work.", data: { recoveryCodes: codes } };
}

/** Turning it off asks for the password, and is not possible while the organization requires it. */
export async function disableMfa(actor: Actor | null, password: string) {
  const me = requireEmployeeActor(actor);
  const status = await mfaStatus(me);
  if (status.required) throw new RuleError("Your organization requires two-step verification, so it cannot be turned off.");
  const user = await db.user.findUniqueOrThrow({ where: { id: me.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) throw new RuleError("The password is incorrect.", { password: "The password is incorrect." });
  await db.$transaction(async (tx) => {
    await tx.mfaFactor.deleteMany({ where: { userId: me.userId } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: me.userId } });
    await recordAudit({ actor: me, action: "account.mfa.disable", target: { type: "User", id: me.userId, label: me.email } }, tx);
  });
  return { message: "Two-step verification is off." };
}

/** The session waiting for its second step, if the caller has one. */
export async function pendingMfaSession(): Promise<{ sessionId: string; userId: string; email: string } | null> {
  const claims = await readSession();
  if (!claims) return null;
  const s = await db.userSession.findFirst({
    where: { id: claims.sessionId, userId: claims.userId, mfaPending: true, expiresAt: { gt: new Date() } },
    include: { user: { select: { email: true, sessionVersion: true } } },
  });
  if (!s || s.user.sessionVersion !== claims.sessionVersion) return null;
  return { sessionId: s.id, userId: s.userId, email: s.user.email };
}

/**
 * The second step of sign-in: a current authenticator code (each 30-second code works once) or an
 * unused recovery code. Throttled per account like passwords.
 */
export async function verifyMfaSignIn(input: { code: string }, ip: string | null, now = new Date()): Promise<void> {
  const pending = await pendingMfaSession();
  if (!pending) throw new RuleError("Your sign-in has expired. Sign in again.");
  const key = `mfa:account:${pending.userId}`;
  // Counted before the code is checked, so a burst of guesses gets no more tries than one at a time.
  const claimed = await claimAttempt(key, SIGN_IN_ACCOUNT, now);
  if (claimed.blocked) throw new RuleError(`Too many wrong codes. Try again in ${humanWait(claimed.waitMs)}.`);
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId }, include: { mfaFactor: true } });
  const refuse = async () => {
    await recordAudit({ organizationId: user.organizationId, actorEmail: user.email, action: "auth.mfa.verify", outcome: "FAILURE", detail: "wrong code", ip });
    return new RuleError(INVALID_MFA_CODE, { code: INVALID_MFA_CODE });
  };
  if (!user.mfaFactor?.confirmedAt) throw await refuse();
  let method: string;
  if (isTotpCode(input.code)) {
    const step = acceptTotp(user.mfaFactor, user.email, input.code, now);
    // Conditional on the last step, so one code cannot complete two sign-ins at once.
    const used = step === null ? 0 : (await db.mfaFactor.updateMany({ where: { userId: user.id, lastUsedStep: user.mfaFactor.lastUsedStep }, data: { lastUsedStep: step } })).count;
    if (used !== 1) throw await refuse();
    method = "authenticator app";
  } else {
    const used = await db.mfaRecoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(user.id, input.code), usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) throw await refuse();
    method = "recovery code";
  }
  await db.$transaction(async (tx) => {
    await tx.userSession.update({ where: { id: pending.sessionId }, data: { mfaPending: false, lastSeenAt: now } });
    await recordAudit({ organizationId: user.organizationId, actor: { userId: user.id, email: user.email, organizationId: user.organizationId, ip }, action: "auth.mfa.verify", detail: method }, tx);
  });
  await clearLimit(key);
}

/** An Organization Manager resets another employee's two-step verification (lost phone): they enrol again at next sign-in. */
export async function resetEmployeeMfa(actor: Actor | null, employeeId: string) {
  const a = await assertCan(actor, "employees.resetMfa");
  const reset = await db.$transaction(async (tx) => {
    const employee = await changeableEmployee(tx, a, employeeId, "reset two-step verification of");
    if (employee.userId === a.userId) throw new RuleError("Turn your own two-step verification off or on in your account.");
    const removed = await tx.mfaFactor.deleteMany({ where: { userId: employee.userId } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: employee.userId } });
    // Their sessions end: whoever holds the lost phone and a session is out.
    await tx.user.update({ where: { id: employee.userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit({ actor: a, action: "employees.reset_mfa", target: { type: "Employee", id: employee.id, label: `${employee.fullName} <${employee.email}>` } }, tx);
    return { name: employee.fullName, had: removed.count > 0 };
  });
  return { message: reset.had ? `Two-step verification of ${reset.name} is reset. They set it up again at their next sign-in.` : `${reset.name} had no two-step verification to reset.` };
}

/** Settings → Security: require two-step verification of every employee. */
export async function setRequireMfa(actor: Actor | null, requireMfa: boolean) {
  const a = await assertCan(actor, "settings.manage");
  if (requireMfa && !(await hasConfirmedMfa(a.userId))) throw new RuleError("Turn on two-step verification for yourself first, so that you are not locked out.");
  await db.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: a.organizationId }, data: { requireMfa } });
    await recordAudit({ actor: a, action: "settings.security.require_mfa", detail: requireMfa ? "on" : "off" }, tx);
  });
  return { message: requireMfa ? "Two-step verification is now required for all employees." : "Two-step verification is no longer required." };
}
