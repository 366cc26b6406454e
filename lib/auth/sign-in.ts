import "server-only";
// Password sign-in for each area. One place decides who may enter which area.
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { normalizeEmail } from "../email-address";
import { verifyPassword } from "./passwords";
import { claimAttempts, clearLimit, giveBackAttempt } from "./rate-limit";
import { SIGN_IN_ACCOUNT, SIGN_IN_IP } from "./rate-limit-rules";
import { missingPortalSteps, type PortalStep } from "../portal/rules";

export type SignInArea = "console" | "installer" | "customer";
export type SignInResult =
  | { ok: true; user: { id: string; email: string; kind: string; sessionVersion: number } }
  | { ok: false; error: "invalid" | "disabled" | "login-disabled" | "throttled" | "portal"; waitMs?: number; steps?: PortalStep[] };

/** The kinds of account each area signs in: the customer portal takes customers and agents (seed 002). */
const AREA_KINDS: Record<SignInArea, readonly string[]> = { console: ["EMPLOYEE"], installer: ["INSTALLER"], customer: ["CUSTOMER", "AGENT"] };

/** A portal login's missing steps (lib/portal/rules.ts), read from the database. */
export async function portalStepsOf(userId: string): Promise<PortalStep[]> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { usergroup: { select: { kind: true } }, contact: { select: { id: true } }, agent: { select: { id: true } } } });
  if (!user) return ["contact-link"];
  return missingPortalSteps({ kind: user.kind, usergroupKind: user.usergroup?.kind ?? null, linked: !!(user.contact || user.agent), disabled: !!user.disabledAt });
}

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
  // Counted before the password is checked: a burst of guesses gets no more tries than one at a time.
  const claimed = await claimAttempts(
    ipKey
      ? [
          { key: accountKey, policy: SIGN_IN_ACCOUNT },
          { key: ipKey, policy: SIGN_IN_IP },
        ]
      : [{ key: accountKey, policy: SIGN_IN_ACCOUNT }],
  );
  if (claimed.blocked) {
    if (claimed.firstRefusal) await recordAudit({ actorEmail: email, action, outcome: "DENIED", detail: "too many failed attempts: throttled", ip: input.ip });
    return { ok: false, error: "throttled", waitMs: claimed.waitMs };
  }
  const user = await db.user.findUnique({ where: { email }, include: { installer: { select: { id: true, status: true } } } });
  // The same hashing work whether or not the account exists (verifyPassword hashes for a missing one).
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || !AREA_KINDS[input.area].includes(user.kind)) {
    // The attempts stay counted: that is the failure.
    await recordAudit({ organizationId: user?.organizationId, actorEmail: email, action, outcome: "FAILURE", detail: "invalid credentials", ip: input.ip });
    return { ok: false, error: "invalid" };
  }
  // The right password is no failure: neither the account's nor a shared address's.
  for (const attempt of claimed.attempts) await giveBackAttempt(attempt);
  if (user.disabledAt && input.area !== "customer") {
    await recordAudit({ organizationId: user.organizationId, actorEmail: email, action, outcome: "DENIED", detail: "login is disabled", ip: input.ip });
    return { ok: false, error: "login-disabled" };
  }
  if (input.area === "customer") {
    // The password was right: the person is told which step of the portal set-up is missing.
    const steps = await portalStepsOf(user.id);
    if (steps.length) {
      await recordAudit({ organizationId: user.organizationId, actorEmail: email, action, outcome: "DENIED", detail: `portal not ready: ${steps.join(", ")}`, ip: input.ip });
      return { ok: false, error: "portal", steps };
    }
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
