import "server-only";
// Password sign-in for each area. One place decides who may enter which area.
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { normalizeEmail } from "../email-address";
import { verifyPassword } from "./passwords";

export type SignInArea = "console" | "installer";
export type SignInResult = { ok: true; user: { id: string; email: string; kind: string; sessionVersion: number } } | { ok: false; error: "invalid" | "disabled" | "throttled" };

const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const THROTTLE_MAX_FAILURES = 10;
const AREA_KIND = { console: "EMPLOYEE", installer: "INSTALLER" } as const;

export async function signInWithPassword(input: { email: string; password: string; area: SignInArea; ip?: string | null }): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const action = `auth.sign_in.${input.area}`;
  const failures = await db.auditEvent.count({
    where: { actorEmail: email, action, outcome: "FAILURE", createdAt: { gte: new Date(Date.now() - THROTTLE_WINDOW_MS) } },
  });
  if (failures >= THROTTLE_MAX_FAILURES) {
    await recordAudit({ actorEmail: email, action, outcome: "DENIED", detail: "too many failed attempts", ip: input.ip });
    return { ok: false, error: "throttled" };
  }
  const user = await db.user.findUnique({ where: { email }, include: { installer: { select: { id: true, status: true } } } });
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.kind !== AREA_KIND[input.area]) {
    await recordAudit({ organizationId: user?.organizationId, actorEmail: email, action, outcome: "FAILURE", detail: "invalid credentials", ip: input.ip });
    return { ok: false, error: "invalid" };
  }
  if (user.installer?.status === "REJECTED") {
    await recordAudit({ organizationId: user.organizationId, actorEmail: email, action, outcome: "DENIED", detail: "installer access is disabled (Rejected)", ip: input.ip });
    return { ok: false, error: "disabled" };
  }
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
