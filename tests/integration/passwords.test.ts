// Passwords: 8 to 128 characters without composition rules, the most common ones refused on the
// server, and Change password asks for the current one and ends every other session.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changePasswordAction } from "@/app/(admin)/account/password/actions";
import { installerChangePasswordAction } from "@/app/installer/account/password/actions";
import { completePasswordResetAction, requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { changePasswordSchema, newPasswordField } from "@/lib/auth/schemas";
import { hashPassword, isCommonPassword, verifyPassword } from "@/lib/auth/passwords";
import { getActor } from "@/lib/auth/current";
import { startUserSession } from "@/lib/auth/user-sessions";
import { actAs, databaseFingerprint, session } from "../support/session";

// Other test files sign in with the demo password: give it back.
afterAll(async () => {
  const passwordHash = await hashPassword("DemoPass-2026");
  await db.user.updateMany({ where: { email: { in: ["tech@demo.test", "liam.smith@installers.test"] } }, data: { passwordHash } });
});

describe("password policy", () => {
  it("takes 8 to 128 characters, with no composition rules", () => {
    expect(newPasswordField.safeParse("sevench").success).toBe(false);
    expect(newPasswordField.safeParse("eightchr").success).toBe(true);
    expect(newPasswordField.safeParse("only lower case words").success).toBe(true);
    expect(newPasswordField.safeParse("x".repeat(128)).success).toBe(true);
    expect(newPasswordField.safeParse("x".repeat(129)).success).toBe(false);
  });

  it("knows the most common passwords from the maintained list, in any letter case", () => {
    for (const p of ["password", "12345678", "qwertyuiop", "Password1", "ILOVEYOU"]) expect(isCommonPassword(p), p).toBe(true);
    expect(isCommonPassword("violet kettle under the stairs")).toBe(false);
  });

  it("refuses a common password when it is set with a reset code", async () => {
    await requestPasswordResetAction({ email: "manager@demo.test" });
    const m = await db.outboxMessage.findFirstOrThrow({ where: { to: "manager@demo.test" }, orderBy: { createdAt: "desc" } });
    const code = /\b(\d{8})\b/.exec(m.text)![1]!;
    const result = await completePasswordResetAction({ email: "manager@demo.test", code, password: "password1", confirm: "password1" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: expect.stringMatching(/most common/) } });
  });
});

describe("Change password", () => {
  async function withPassword(email: string, password: string) {
    const user = await db.user.update({ where: { email }, data: { passwordHash: await hashPassword(password) } });
    await actAs(email);
    return user;
  }

  it("refuses a wrong current password next to its field and changes nothing", async () => {
    await withPassword("tech@demo.test", "Tech-current-pass");
    const before = await databaseFingerprint();
    const result = await changePasswordAction({ currentPassword: "not-it", password: "a brand new passphrase", confirm: "a brand new passphrase" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: "The current password is incorrect." } });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses a common new password", async () => {
    await withPassword("tech@demo.test", "Tech-current-pass");
    const result = await changePasswordAction({ currentPassword: "Tech-current-pass", password: "iloveyou", confirm: "iloveyou" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: expect.stringMatching(/most common/) } });
  });

  it("changes the password, keeps this session and ends every other", async () => {
    await db.userSession.deleteMany({ where: { user: { email: "tech@demo.test" } } });
    const user = await withPassword("tech@demo.test", "Tech-current-pass");
    const elsewhere = await startUserSession(user.id, "198.51.100.20");
    const here = session.current!;
    const result = await changePasswordAction({ currentPassword: "Tech-current-pass", password: "a brand new passphrase", confirm: "a brand new passphrase" });
    expect(result).toMatchObject({ ok: true, message: "Your password is changed. 1 other session was signed out." });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await getActor()).not.toBeNull();
    session.current = { ...here, sessionId: elsewhere };
    expect(await getActor()).toBeNull();
  });

  it("works in the installer app, and refuses anyone signed out", async () => {
    await withPassword("liam.smith@installers.test", "Installer-pass-1");
    expect(await installerChangePasswordAction({ currentPassword: "Installer-pass-1", password: "another good phrase", confirm: "another good phrase" })).toMatchObject({ ok: true });
    await actAs(null);
    expect(await changePasswordAction({ currentPassword: "x", password: "another good phrase", confirm: "another good phrase" })).toMatchObject({ ok: false });
  });

  it("gives wrong current passwords sent at once no more tries than one at a time", async () => {
    await withPassword("liam.smith@installers.test", "Installer-pass-2");
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => installerChangePasswordAction({ currentPassword: `guess-${i}`, password: "another good phrase", confirm: "another good phrase" })),
    );
    const errors = burst.map((r) => (r.ok ? "changed" : r.error));
    expect(errors.filter((e) => e === "The current password is incorrect.")).toHaveLength(5);
    expect(errors.filter((e) => e.startsWith("Too many wrong passwords."))).toHaveLength(7);
  });

  it("asks for matching new passwords", () => {
    const parsed = changePasswordSchema.safeParse({ currentPassword: "x", password: "one good phrase", confirm: "another" });
    expect(parsed.success).toBe(false);
  });
});
