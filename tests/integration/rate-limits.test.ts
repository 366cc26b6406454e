// Brute force and abuse: limits kept in the database. Sign-in slows down with growing delays
// (per account and per address) instead of locking the owner out; codes and links are limited per
// address and per caller; unknown addresses create no rows; the answer does not depend on whether
// the account exists, because the work happens after the response.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { requestPasswordReset } from "@/lib/account/mutations";
import { consumeCode, issueCode } from "@/lib/auth/one-time-codes";
import { allowRequest } from "@/lib/auth/rate-limit";
import { CODE_ADDRESS } from "@/lib/auth/rate-limit-rules";
import { signInLinkAdapter } from "@/lib/auth/sign-in-link";
import { databaseFingerprint } from "../support/session";

const deferred = vi.hoisted(() => ({ capture: false, tasks: [] as Array<() => Promise<void>> }));
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: () => Promise<void>) => {
    if (!deferred.capture) throw new Error("outside a request");
    deferred.tasks.push(task);
  },
}));

async function setPassword(email: string, password: string) {
  await db.user.update({ where: { email }, data: { passwordHash: await hashPassword(password) } });
}

const pastBlock = async (key: string) => db.rateLimit.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1000) } });

// Other test files sign in with the demo password: give it back.
afterAll(async () => {
  const passwordHash = await hashPassword("DemoPass-2026");
  await db.user.updateMany({ where: { email: { in: ["manager@demo.test"] } }, data: { passwordHash } });
});

describe("sign-in", () => {
  it("slows down after 5 failures instead of locking the owner out for good", async () => {
    await setPassword("manager@demo.test", "Manager-pass-2026");
    for (let i = 0; i < 5; i++) expect(await signInWithPassword({ email: "manager@demo.test", password: "wrong", area: "console", ip: "198.51.100.1" })).toMatchObject({ error: "invalid" });
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: "sign-in:account:manager@demo.test" } });
    expect(row.blockedUntil!.getTime() - Date.now()).toBeGreaterThan(25_000);
    // During the delay even the right password waits…
    expect(await signInWithPassword({ email: "manager@demo.test", password: "Manager-pass-2026", area: "console", ip: "198.51.100.1" })).toMatchObject({
      ok: false,
      error: "throttled",
      waitMs: expect.any(Number),
    });
    // …and once it has passed, the owner gets in and the count starts again.
    await pastBlock("sign-in:account:manager@demo.test");
    expect(await signInWithPassword({ email: "manager@demo.test", password: "Manager-pass-2026", area: "console", ip: "198.51.100.1" })).toMatchObject({ ok: true });
    expect(await db.rateLimit.findUnique({ where: { key: "sign-in:account:manager@demo.test" } })).toBeNull();
  });

  it("doubles the delay with each further failure", async () => {
    for (let i = 0; i < 5; i++) await signInWithPassword({ email: "tech@demo.test", password: "wrong", area: "console", ip: "198.51.100.2" });
    const first = (await db.rateLimit.findUniqueOrThrow({ where: { key: "sign-in:account:tech@demo.test" } })).blockedUntil!.getTime() - Date.now();
    await pastBlock("sign-in:account:tech@demo.test");
    await signInWithPassword({ email: "tech@demo.test", password: "wrong", area: "console", ip: "198.51.100.2" });
    const second = (await db.rateLimit.findUniqueOrThrow({ where: { key: "sign-in:account:tech@demo.test" } })).blockedUntil!.getTime() - Date.now();
    expect(second).toBeGreaterThan(first * 1.5);
  });

  it("throttles password spraying across many accounts from one address, and audits the first refusal only", async () => {
    for (let i = 0; i < 20; i++) await signInWithPassword({ email: `sprayed${i}@example.test`, password: "Summer2026!", area: "console", ip: "198.51.100.66" });
    for (let i = 0; i < 3; i++) expect(await signInWithPassword({ email: "admin@demo.test", password: "Summer2026!", area: "console", ip: "198.51.100.66" })).toMatchObject({ error: "throttled" });
    expect(await db.auditEvent.count({ where: { ip: "198.51.100.66", outcome: "DENIED", detail: { contains: "throttled" } } })).toBe(1);
    // Another address is not slowed by it.
    expect(await signInWithPassword({ email: "admin@demo.test", password: "wrong", area: "console", ip: "198.51.100.67" })).toMatchObject({ error: "invalid" });
  });
});

// A guess used to be judged first and counted after: requests sent together all passed the check
// before the first failure was written, so a burst had no limit. Now each is counted first.
describe("bursts of guesses sent at once", () => {
  const tally = (results: Array<{ ok: boolean; error?: string }>) => ({
    judged: results.filter((r) => !r.ok && r.error === "invalid").length,
    throttled: results.filter((r) => !r.ok && r.error === "throttled").length,
  });

  it("get no more password tries on an account than one at a time: 5, then the delay", async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInWithPassword({ email: "burst-target@example.test", password: `guess-${i}`, area: "console", ip: `203.0.113.${i + 1}` })),
    );
    expect(tally(burst)).toEqual({ judged: 5, throttled: 25 });
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: "sign-in:account:burst-target@example.test" } });
    expect(row.count).toBe(5);
    expect(row.blockedUntil!.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(await db.auditEvent.count({ where: { actorEmail: "burst-target@example.test", outcome: "FAILURE" } })).toBe(5);
  });

  it("get no more tries from one address over many accounts than one at a time: 20, then the delay", async () => {
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => signInWithPassword({ email: `spray-${i}@example.test`, password: "Winter2026!", area: "console", ip: "203.0.113.200" })));
    expect(tally(burst)).toEqual({ judged: 20, throttled: 20 });
  });

  it("right passwords from one shared address are not failures, however many", async () => {
    for (let i = 0; i < 22; i++) expect(await signInWithPassword({ email: "admin@demo.test", password: "DemoPass-2026", area: "console", ip: "203.0.113.201" })).toMatchObject({ ok: true });
    expect((await db.rateLimit.findUnique({ where: { key: "sign-in:ip:203.0.113.201" } }))?.count ?? 0).toBe(0);
    // A wrong one still counts, and the right one after it clears the account's count.
    expect(await signInWithPassword({ email: "admin@demo.test", password: "wrong", area: "console", ip: "203.0.113.201" })).toMatchObject({ error: "invalid" });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: "sign-in:ip:203.0.113.201" } })).count).toBe(1);
    expect(await signInWithPassword({ email: "admin@demo.test", password: "DemoPass-2026", area: "console", ip: "203.0.113.201" })).toMatchObject({ ok: true });
    expect(await db.rateLimit.findUnique({ where: { key: "sign-in:account:admin@demo.test" } })).toBeNull();
  });

  it("a right password that took the place setting the delay gives the delay back", async () => {
    for (let i = 0; i < 19; i++) await signInWithPassword({ email: `nobody-${i}@example.test`, password: "x", area: "console", ip: "203.0.113.202" });
    expect(await signInWithPassword({ email: "admin@demo.test", password: "DemoPass-2026", area: "console", ip: "203.0.113.202" })).toMatchObject({ ok: true });
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key: "sign-in:ip:203.0.113.202" } })).toMatchObject({ count: 19, blockedUntil: null });
    // The 20th failure from the address sets it.
    expect(await signInWithPassword({ email: "nobody-19@example.test", password: "x", area: "console", ip: "203.0.113.202" })).toMatchObject({ error: "invalid" });
    expect(await signInWithPassword({ email: "admin@demo.test", password: "DemoPass-2026", area: "console", ip: "203.0.113.202" })).toMatchObject({ error: "throttled" });
  });

  it("of code requests let exactly the limit through", async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, () => allowRequest("code:address:burst@example.test", CODE_ADDRESS)));
    expect(burst.filter((a) => a.allowed)).toHaveLength(3);
    expect(burst.filter((a) => a.firstRefusal)).toHaveLength(1);
  });

  it("get no more than 5 tries at a one-time code between them, and the right code is then refused", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "william.anderson@customers.test" } });
    const { code } = await db.$transaction((tx) => issueCode(tx, user.id, "PASSWORD_RESET"));
    const wrong = Array.from({ length: 12 }, (_, i) => String((Number(code) + 1 + i) % 10 ** code.length).padStart(code.length, "0"));
    const burst = await Promise.all(wrong.map((guess) => consumeCode(user.id, "PASSWORD_RESET", guess, async () => "used")));
    expect(burst.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(5);
    expect(burst.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(7);
    expect(await consumeCode(user.id, "PASSWORD_RESET", code, async () => "used")).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("code and link requests", () => {
  const resetMails = (email: string) => db.outboxMessage.count({ where: { to: email, template: "password-reset" } });

  it("send at most 3 codes per address in 15 minutes; the 4th writes no message", async () => {
    const before = await resetMails("contact@demo.test");
    for (let i = 0; i < 5; i++) await requestPasswordReset("contact@demo.test", "console", `198.51.100.${10 + i}`);
    expect(await resetMails("contact@demo.test")).toBe(before + 3);
    expect(await db.auditEvent.count({ where: { actorEmail: "contact@demo.test", outcome: "DENIED", detail: "too many code requests" } })).toBe(1);
  });

  it("cap one caller address, whatever the emails", async () => {
    for (let i = 0; i < 20; i++) await requestPasswordReset(`unknown${i}@example.test`, "console", "198.51.100.99");
    const before = await resetMails("manager@demo.test");
    await requestPasswordReset("manager@demo.test", "console", "198.51.100.99");
    expect(await resetMails("manager@demo.test")).toBe(before);
    const rows = await db.rateLimit.count({ where: { key: { startsWith: "code:address:unknown" } } });
    await requestPasswordReset("unknown-more@example.test", "console", "198.51.100.99");
    expect(await db.rateLimit.count({ where: { key: { startsWith: "code:address:unknown" } } })).toBe(rows);
  });

  it("a new code within the window keeps the wrong tries of the earlier one", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "tech@demo.test" } });
    await db.$transaction((tx) => issueCode(tx, user.id, "PASSWORD_RESET"));
    await db.oneTimeCode.update({ where: { userId_purpose: { userId: user.id, purpose: "PASSWORD_RESET" } }, data: { attempts: 4 } });
    await db.$transaction((tx) => issueCode(tx, user.id, "PASSWORD_RESET"));
    expect((await db.oneTimeCode.findUniqueOrThrow({ where: { userId_purpose: { userId: user.id, purpose: "PASSWORD_RESET" } } })).attempts).toBe(4);
    await db.oneTimeCode.update({ where: { userId_purpose: { userId: user.id, purpose: "PASSWORD_RESET" } }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    await db.$transaction((tx) => issueCode(tx, user.id, "PASSWORD_RESET"));
    expect((await db.oneTimeCode.findUniqueOrThrow({ where: { userId_purpose: { userId: user.id, purpose: "PASSWORD_RESET" } } })).attempts).toBe(0);
  });

  it("sign-in links for unknown addresses store no token; a registered installer's does", async () => {
    const expires = new Date(Date.now() + 600_000);
    const before = await db.verificationToken.count();
    for (let i = 0; i < 5; i++) await signInLinkAdapter.createVerificationToken!({ identifier: `stranger${i}@example.test`, token: `t${i}`, expires });
    expect(await db.verificationToken.count()).toBe(before);
    await signInLinkAdapter.createVerificationToken!({ identifier: "liam.smith@installers.test", token: "tliam", expires });
    expect(await db.verificationToken.count({ where: { identifier: "liam.smith@installers.test" } })).toBe(1);
  });
});

const resetMailsTo = (email: string) => db.outboxMessage.count({ where: { to: email, template: "password-reset" } });

describe("equal timing", () => {
  it("answers forgot password before any lookup or write, the same for an existing and a missing account", async () => {
    deferred.capture = true;
    deferred.tasks = [];
    try {
      const before = await databaseFingerprint();
      const audit = await db.auditEvent.count();
      const mails = await resetMailsTo("liam.smith@installers.test");
      await requestPasswordReset("liam.smith@installers.test", "installer", "198.51.100.200");
      await requestPasswordReset("nobody-at-all@example.test", "installer", "198.51.100.200");
      expect(await databaseFingerprint()).toBe(before);
      expect(await db.auditEvent.count()).toBe(audit);
      expect(deferred.tasks).toHaveLength(2);
      for (const task of deferred.tasks.splice(0)) await task();
      expect(await db.auditEvent.count()).toBe(audit + 2);
      expect(await resetMailsTo("liam.smith@installers.test")).toBe(mails + 1);
    } finally {
      deferred.capture = false;
    }
  });
});
