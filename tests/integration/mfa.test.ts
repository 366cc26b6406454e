// Two-step verification for employees: enrol with an authenticator app (TOTP) and 10 hashed
// recovery codes, the second step at sign-in (each code once, throttled), the organization's
// "require for all employees", and an Organization Manager's reset (audited).
import { afterAll, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { hashPassword } from "@/lib/auth/passwords";
import { startUserSession } from "@/lib/auth/user-sessions";
import { confirmMfaEnrolment, INVALID_MFA_CODE, startMfaEnrolment } from "@/lib/auth/mfa";
import { confirmMfaEnrolmentAction, disableMfaAction, regenerateRecoveryCodesAction } from "@/app/(admin)/account/mfa/actions";
import { verifyMfaAction } from "@/app/(auth)/login/mfa/actions";
import { setRequireMfaAction } from "@/app/(admin)/settings/security/actions";
import { resetEmployeeMfaAction } from "@/app/(admin)/employees/actions";
import { acceptInstallersAction } from "@/app/(admin)/installers/actions";
import { actAs, databaseFingerprint, session } from "../support/session";

const codeFor = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });

/** Enrols the user and returns the secret and recovery codes. */
async function enrol(email: string) {
  const actor = (await actAs(email)) && (await getActor());
  const { secret } = await startMfaEnrolment(actor);
  const enrolmentCode = codeFor(secret);
  const result = await confirmMfaEnrolment(actor, enrolmentCode);
  return { secret, enrolmentCode, recoveryCodes: result.data.recoveryCodes, userId: actor!.userId };
}

/** A session that passed the password and waits for the second step, as the cookie would name it. */
async function pendingSession(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  session.current = { userId, sessionId: await startUserSession(userId, "198.51.100.5", { mfaPending: true }), sessionVersion: user.sessionVersion };
}

/** The code's 30-second step has passed since it was last used (instead of waiting). */
const stepOn = (userId: string) => db.mfaFactor.update({ where: { userId }, data: { lastUsedStep: { decrement: 2 } } });

afterAll(async () => {
  // Other files count the Organization Managers and sign in without a second step.
  await db.user.deleteMany({ where: { email: "no-mfa@demo.test" } });
  await db.organization.updateMany({ data: { requireMfa: false } });
  await db.mfaFactor.deleteMany({});
  await db.mfaRecoveryCode.deleteMany({});
});

describe("enrolment", () => {
  it("turns on with a first right code and makes 10 recovery codes, stored hashed", async () => {
    await actAs("tech@demo.test");
    const { secret } = await startMfaEnrolment(await getActor());
    expect(await confirmMfaEnrolmentAction({ code: "000000" === codeFor(secret) ? "111111" : "000000" })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(String) } });
    const result = await confirmMfaEnrolmentAction({ code: codeFor(secret) });
    expect(result).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    const codes = (result as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const user = await db.user.findUniqueOrThrow({ where: { email: "tech@demo.test" }, include: { mfaRecovery: true, mfaFactor: true } });
    expect(user.mfaRecovery).toHaveLength(10);
    expect(JSON.stringify(user.mfaRecovery)).not.toContain(codes[0]!.replace(/-/g, ""));
    expect(user.mfaFactor!.secretEncrypted).not.toContain(secret);
  });
});

describe("the second step of sign-in", () => {
  it("keeps the session signed out until a right code, and takes each code once", async () => {
    const { secret, enrolmentCode, userId } = await enrol("manager@demo.test");
    await pendingSession(userId);
    expect(await getActor()).toBeNull();
    expect(await verifyMfaAction({ code: "12345" })).toMatchObject({ ok: false });
    expect(await getActor()).toBeNull();
    // The enrolment used its step's code: the same code again is a replay. (The very code, not
    // the current one: a 30-second step may have begun since.)
    expect(await verifyMfaAction({ code: enrolmentCode })).toMatchObject({ ok: false, error: expect.stringMatching(/not right/) });
    await stepOn(userId);
    const code = codeFor(secret);
    await expect(verifyMfaAction({ code, next: "/installers" })).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await getActor())?.email).toBe("manager@demo.test");
    // Another sign-in with the code just used is refused.
    await pendingSession(userId);
    expect(await verifyMfaAction({ code })).toMatchObject({ ok: false });
    expect(await db.auditEvent.count({ where: { actorEmail: "manager@demo.test", action: "auth.mfa.verify", outcome: "SUCCESS" } })).toBe(1);
  });

  it("accepts a recovery code once", async () => {
    const { recoveryCodes, userId } = await enrol("contact@demo.test");
    await pendingSession(userId);
    await expect(verifyMfaAction({ code: recoveryCodes[3]!.toLowerCase() })).rejects.toThrow(/NEXT_REDIRECT/);
    await pendingSession(userId);
    expect(await verifyMfaAction({ code: recoveryCodes[3]! })).toMatchObject({ ok: false });
    await expect(verifyMfaAction({ code: recoveryCodes[4]! })).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it("is throttled like passwords", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "manager@demo.test" } });
    await pendingSession(user.id);
    for (let i = 0; i < 5; i++) await verifyMfaAction({ code: "99999999" });
    expect(await verifyMfaAction({ code: "99999999" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many wrong codes\. Try again in/) });
  });

  it("gives codes sent at once no more tries than one at a time", async () => {
    const { userId } = await enrol("admin@other.test");
    await pendingSession(userId);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => verifyMfaAction({ code: `9999999${i % 10}` })));
    const errors = burst.map((r) => (r.ok ? "signed in" : r.error));
    expect(errors.filter((e) => e === INVALID_MFA_CODE)).toHaveLength(5);
    expect(errors.filter((e) => e.startsWith("Too many wrong codes."))).toHaveLength(7);
  });

  it("New recovery codes replace the earlier ones", async () => {
    await actAs("contact@demo.test");
    const result = (await regenerateRecoveryCodesAction()) as { ok: boolean; data: { recoveryCodes: string[] } };
    expect(result.data.recoveryCodes).toHaveLength(10);
    expect(await db.mfaRecoveryCode.count({ where: { user: { email: "contact@demo.test" }, usedAt: null } })).toBe(10);
  });
});

describe("required for all employees", () => {
  it("cannot be turned on by an admin without it, lest they lock themselves out", async () => {
    await actAs("admin@demo.test");
    expect(await setRequireMfaAction({ requireMfa: true })).toMatchObject({ ok: false, error: expect.stringMatching(/for yourself first/) });
  });

  it("leaves an employee without it no permission until they set it up", async () => {
    await enrol("admin@demo.test");
    expect(await setRequireMfaAction({ requireMfa: true })).toMatchObject({ ok: true });
    const noMfa = await db.user.create({
      data: {
        organizationId: (await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } })).id,
        email: "no-mfa@demo.test",
        kind: "EMPLOYEE",
        passwordHash: await hashPassword("a fine passphrase"),
      },
    });
    const role = await db.role.findFirstOrThrow({ where: { organization: { name: "Northwind Security" }, builtIn: "ORGANIZATION_MANAGER" } });
    await db.employee.create({ data: { organizationId: noMfa.organizationId, userId: noMfa.id, fullName: "No Mfa", email: noMfa.email, phone: "", country: "US", roleId: role.id } });
    await actAs("no-mfa@demo.test");
    const actor = await getActor();
    expect(actor?.mfaSetupRequired).toBe(true);
    const pending = await db.installer.findFirstOrThrow({ where: { organization: { name: "Northwind Security" }, status: "PENDING" } });
    const before = await databaseFingerprint();
    expect(await acceptInstallersAction({ ids: [pending.id] })).toMatchObject({ ok: false });
    expect(await databaseFingerprint()).toBe(before);
    // Once set up, the role's permissions count again.
    await enrol("no-mfa@demo.test");
    expect((await getActor())?.mfaSetupRequired).toBe(false);
  });

  it("cannot be turned off by an employee while required", async () => {
    await db.user.update({ where: { email: "contact@demo.test" }, data: { passwordHash: await hashPassword("DemoPass-2026") } });
    await actAs("contact@demo.test");
    expect(await disableMfaAction({ password: "DemoPass-2026" })).toMatchObject({ ok: false, error: expect.stringMatching(/requires two-step verification/) });
    await actAs("admin@demo.test");
    expect(await setRequireMfaAction({ requireMfa: false })).toMatchObject({ ok: true });
    await actAs("contact@demo.test");
    expect(await disableMfaAction({ password: "wrong" })).toMatchObject({ ok: false, fieldErrors: { password: "The password is incorrect." } });
    expect(await disableMfaAction({ password: "DemoPass-2026" })).toMatchObject({ ok: true });
    expect(await db.mfaFactor.count({ where: { user: { email: "contact@demo.test" } } })).toBe(0);
  });
});

describe("reset by an Organization Manager", () => {
  it("removes the factor and codes, ends their sessions, and is audited; others are refused", async () => {
    const tech = await db.employee.findFirstOrThrow({ where: { email: "tech@demo.test" } });
    await actAs("manager@demo.test");
    expect(await resetEmployeeMfaAction({ id: tech.id })).toMatchObject({ ok: false });
    expect(await db.mfaFactor.count({ where: { userId: tech.userId } })).toBe(1);
    const before = await db.user.findUniqueOrThrow({ where: { id: tech.userId } });
    await actAs("admin@demo.test");
    expect(await resetEmployeeMfaAction({ id: tech.id })).toMatchObject({ ok: true, message: expect.stringMatching(/is reset/) });
    expect(await db.mfaFactor.count({ where: { userId: tech.userId } })).toBe(0);
    expect(await db.mfaRecoveryCode.count({ where: { userId: tech.userId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: tech.userId } })).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await db.auditEvent.count({ where: { action: "employees.reset_mfa", targetId: tech.id, actorEmail: "admin@demo.test" } })).toBe(1);
  });
});
