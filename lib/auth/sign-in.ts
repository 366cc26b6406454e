import "server-only";
// Password sign-in for each area. One place decides who may enter which area.
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { normalizeEmail } from "../email-address";
import { verifyPassword } from "./passwords";
import { checkBlocked, clearLimit, recordFailure } from "./rate-limit";
import { SIGN_IN_ACCOUNT, SIGN_IN_IP } from "./rate-limit-rules";

export type SignInArea = "console" | "installer" | "customer";
export type SignInResult = { ok: true; user: { id: string; email: string; kind: string; sessionVersion: number } } | { ok: false; error: "invalid" | "disabled" | "throttled"; waitMs?: number };

const AREA_KIND = { console: "EMPLOYEE", installer: "INSTALLER", customer: "CUSTOMER" } as const;

/**
 * Throttled per account and per caller address with growing delays (lib/auth/rate-limit-rules.ts):
 * the owner of an attacked account gets in once the delay has passed, and spraying one password
 * over many accounts from one address is slowed as a whole.
 */
export async function signInWithPassword(input: { email: string; password: string; area: SignInArea; ip?: string | null }): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const action = `auth.sign_in.${input.area}`;
  const accountKey = `sign-in:account:${email}`;
  const ipKey = input.ip ? `sign-in:ip:${input.ip}` : null;
  const blocked = await checkBlocked(ipKey ? [accountKey, ipKey] : [accountKey]);
  if (blocked.blocked) {
    if (blocked.firstRefusal) await recordAudit({ actorEmail: email, action, outcome: "DENIED", detail: "too many failed attempts: throttled", ip: input.ip });
    return { ok: false, error: "throttled", waitMs: blocked.waitMs };
  }
  const user = await db.user.findUnique({ where: { email }, include: { installer: { select: { id: true, status: true } } } });
  // The same hashing work whether or not the account exists (verifyPassword hashes for a missing one).
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.kind !== AREA_KIND[input.area]) {
    await recordFailure(accountKey, SIGN_IN_ACCOUNT);
    if (ipKey) await recordFailure(ipKey, SIGN_IN_IP);
    await recordAudit({ organizationId: user?.organizationId, actorEmail: email, action, outcome: "FAILURE", detail: "invalid credentials", ip: input.ip });
    return { ok: false, error: "invalid" };
  }
  if (user.installer?.status === "REJECTED") {
    await recordAudit({ organizationId: user.organizationId, actorEmail: email, action, outcome: "DENIED", detail: "installer access is disabled (Rejected)", ip: input.ip });
    return { ok: false, error: "disabled" };
  }
  await clearLimit(accountKey);
  await completeSignIn(user.id, input.area, input.ip);
  return { ok: true, user: { id: user.id, email: user.email, kind: user.kind, sessionVersion: user.sessionVersion } };
}

/** Records a successful sign-in; a Pending installer becomes Accepted at first sign-in. */
export async function completeSignIn(userId: string, area: SignInArea, ip?: string | null, method = "password"): Promise<void> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
    await tx.employee.updateMany({ where: { userId }, data: { lastLoginAt: now } });
    await tx.installer.updateMany({ where: { userId }, data: { lastLoginAt: now } });
    const accepted = await tx.installer.updateMany({ where: { userId, status: "PENDING" }, data: { status: "ACCEPTED" } });
    await recordAudit(
      {
        organizationId: user.organizationId,
        actor: { userId, email: user.email, organizationId: user.organizationId, ip },
        action: `auth.sign_in.${area}`,
        detail: accepted.count ? `${method}; first sign-in accepted the installer` : method,
      },
      tx,
    );
  });
}
