import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { completeWithCode, requestPasswordReset } from "@/lib/account/mutations";
import { issueCode } from "@/lib/auth/one-time-codes";
import { verifyPassword } from "@/lib/auth/passwords";
import { getActor } from "@/lib/auth/current";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { actAs } from "../support/session";

async function latestCodeFor(email: string): Promise<string> {
  const m = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return /\b(\d{8})\b/.exec(m.text)![1]!;
}

describe("forgot password by emailed code", () => {
  it("queues a code email, stores only a hash, and changes the password once", async () => {
    const email = "contact@demo.test";
    await requestPasswordReset(email, "console", null);
    const code = await latestCodeFor(email);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const stored = await db.oneTimeCode.findUniqueOrThrow({ where: { userId_purpose: { userId: user.id, purpose: "PASSWORD_RESET" } } });
    expect(stored.codeHash).not.toContain(code);

    await completeWithCode({ email, code, password: "NewPassword-1" }, "console", "PASSWORD_RESET", null);
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(after.passwordHash, "NewPassword-1")).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);

    await expect(completeWithCode({ email, code, password: "Another-pass-2" }, "console", "PASSWORD_RESET", null)).rejects.toThrow(/invalid or has expired/);
  });

  it("does not reveal unknown emails and writes nothing for them", async () => {
    const before = await db.outboxMessage.count();
    await requestPasswordReset("nobody-here@demo.test", "console", null);
    expect(await db.outboxMessage.count()).toBe(before);
    await expect(completeWithCode({ email: "nobody-here@demo.test", code: "12345678", password: "Whatever-123" }, "console", "PASSWORD_RESET", null)).rejects.toThrow(/invalid or has expired/);
  });

  it("replaces an earlier code and locks after five wrong tries", async () => {
    const email = "manager@demo.test";
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const first = await db.$transaction((tx) => issueCode(tx, user.id, "PASSWORD_RESET"));
    const second = await db.$transaction((tx) => issueCode(tx, user.id, "PASSWORD_RESET"));
    if (first.code !== second.code) {
      await expect(completeWithCode({ email, code: first.code, password: "NewPassword-1" }, "console", "PASSWORD_RESET", null)).rejects.toThrow();
    }
    for (let i = 0; i < 5; i++) {
      await expect(completeWithCode({ email, code: "00000000", password: "NewPassword-1" }, "console", "PASSWORD_RESET", null)).rejects.toThrow();
    }
    await expect(completeWithCode({ email, code: second.code, password: "NewPassword-1" }, "console", "PASSWORD_RESET", null)).rejects.toThrow(/invalid or has expired/);
    const unchanged = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(unchanged.passwordHash, "DemoPass-2026")).toBe(true);
  });
});

describe("sessions", () => {
  it("are cut off when the session version changes", async () => {
    await actAs("tech@demo.test");
    expect((await getActor())?.email).toBe("tech@demo.test");
    await db.user.update({ where: { email: "tech@demo.test" }, data: { sessionVersion: { increment: 1 } } });
    expect(await getActor()).toBeNull();
  });
});

describe("password sign-in", () => {
  it("admits employees to the console only, and audits failures", async () => {
    expect((await signInWithPassword({ email: "ADMIN@demo.test ", password: "DemoPass-2026", area: "console" })).ok).toBe(true);
    expect(await signInWithPassword({ email: "admin@demo.test", password: "wrong-password", area: "console" })).toEqual({ ok: false, error: "invalid" });
    const installer = await db.installer.findFirstOrThrow({ where: { status: "ACCEPTED", email: { endsWith: "@installers.test" } } });
    expect(await signInWithPassword({ email: installer.email, password: "DemoPass-2026", area: "console" })).toEqual({ ok: false, error: "invalid" });
    const failures = await db.auditEvent.count({ where: { actorEmail: "admin@demo.test", action: "auth.sign_in.console", outcome: "FAILURE" } });
    expect(failures).toBeGreaterThan(0);
  });
});
