// Issue 13's outbox defects: a fresh lease per message, one round per process, sent marked only
// while the lease is held, one Message-ID per row, Retry of failed messages (console and
// `npm run mail:deliver -- --retry-failed`), and Send test email ahead of any backlog.
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deliverBacklog, deliverDue, MAX_DELIVERY_ATTEMPTS, messageIdFor, queueEmail } from "@/lib/email/outbox";
import { NoticeEmail } from "@/lib/email/templates";
import { retryFailedMessageAction, saveSmtpSettingsAction, sendTestEmailAction } from "@/app/(admin)/settings/email/actions";
import { actAs } from "../support/session";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";
import { startTestSmtp, type TestSmtp } from "../support/smtp-server";

let smtp: TestSmtp | null = null;

const messageIdsOf = (messages: string[]) => messages.map((m) => /^Message-ID:\s*(\S+)/im.exec(m)?.[1]);

async function queue(to: string, organization = "Northwind Security") {
  const org = await db.organization.findFirstOrThrow({ where: { name: organization } });
  return db.$transaction((tx) => queueEmail(tx, { organizationId: org.id, to, subject: "Hello", template: "test", body: NoticeEmail({ organization: "Org", heading: "Hi", body: "Body" }) }));
}

async function useSmtp(options: Parameters<typeof startTestSmtp>[0] = {}) {
  smtp = await startTestSmtp(options);
  vi.stubEnv("SMTP_HOST", "127.0.0.1");
  vi.stubEnv("SMTP_PORT", String(smtp.port));
  return smtp;
}

beforeEach(async () => {
  // Only this test's messages are due.
  await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "FAILED", expiresAt: new Date(0) } });
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await smtp?.close();
  smtp = null;
  await db.emailSettings.deleteMany({});
});

describe("delivery", () => {
  it("sends a code that expires soon before the mail queued ahead of it", async () => {
    const server = await useSmtp();
    for (let i = 0; i < 30; i++) await queue(`bulk${i}@demo.test`);
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    await db.$transaction((tx) =>
      queueEmail(tx, {
        organizationId: org.id,
        to: "waiting-for-a-code@demo.test",
        subject: "Your code",
        template: "test",
        expiresAt: new Date(Date.now() + 600_000),
        body: NoticeEmail({ organization: "Org", heading: "Code", body: "123456" }),
      }),
    );
    // A code that expires in days (an invitation's) keeps its place.
    await db.$transaction((tx) =>
      queueEmail(tx, {
        organizationId: org.id,
        to: "invited@demo.test",
        subject: "Invitation",
        template: "test",
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
        body: NoticeEmail({ organization: "Org", heading: "Hi", body: "Body" }),
      }),
    );
    expect((await deliverDue(10)).sent).toBe(32);
    const order = server.messages.map((m) => /^To:\s*(\S+)/im.exec(m)?.[1]);
    // Sent SMTP_CONNECTIONS at a time, so the first to arrive is one of the first claimed.
    expect(order.slice(0, SMTP_CONNECTIONS)).toContain("waiting-for-a-code@demo.test");
    expect(order.indexOf("invited@demo.test")).toBeGreaterThan(30 - SMTP_CONNECTIONS);
  });

  it("gives each message a lease that starts when it is claimed, not when the round started", async () => {
    const leases: number[] = [];
    await useSmtp({
      beforeAccept: async (data) => {
        const id = /Message-ID: <([^@>]+)@/i.exec(data)?.[1];
        const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
        leases.push(row.nextAttemptAt.getTime() - Date.now());
        await new Promise((r) => setTimeout(r, 2500)); // a slow server
      },
    });
    await queue("lease1@demo.test");
    await queue("lease2@demo.test");
    await queue("lease3@demo.test");
    const report = await deliverDue(10);
    expect(report.sent).toBe(3);
    // Every message still had (nearly) a whole minute of lease while it was being sent.
    expect(leases).toHaveLength(3);
    for (const left of leases) expect(left).toBeGreaterThan(57_000);
  });

  it("runs one round at a time in a process: a second call joins the running one", async () => {
    const server = await useSmtp();
    for (let i = 0; i < 4; i++) await queue(`round${i}@demo.test`);
    const [a, b] = await Promise.all([deliverDue(10), deliverDue(10)]);
    expect(a).toBe(b);
    expect(server.messages.filter((m) => m.includes("round"))).toHaveLength(4);
  });

  it("has up to 3 messages in flight at once, never more, each under its own lease", async () => {
    let inFlight = 0;
    let most = 0;
    const leased: number[] = [];
    const server = await useSmtp({
      beforeAccept: async (data) => {
        most = Math.max(most, ++inFlight);
        const id = /Message-ID: <([^@>]+)@/i.exec(data)![1]!;
        leased.push((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).leasedUntil!.getTime() - Date.now());
        await new Promise((r) => setTimeout(r, 300)); // a provider a few round trips away
        inFlight--;
      },
    });
    for (let i = 0; i < 9; i++) await queue(`parallel${i}@demo.test`);
    const report = await deliverDue(20);
    expect(report).toMatchObject({ sent: 9, failed: 0 });
    expect(most).toBe(SMTP_CONNECTIONS);
    expect(new Set(messageIdsOf(server.messages)).size).toBe(9);
    for (const left of leased) expect(left).toBeGreaterThan(55_000);
  });

  it("a round ends at its time budget saying more is due; the backlog goes on in the next round at once, each message once", async () => {
    const server = await useSmtp({ beforeAccept: () => new Promise((r) => setTimeout(r, 120)) });
    for (let i = 0; i < 12; i++) await queue(`backlog${i}@demo.test`);
    // Batches of 3, rounds of 200 ms: a round sends a batch or two and stops.
    const first = await deliverDue(3, undefined, 200);
    expect(first.more).toBe(true);
    expect(first.sent).toBeGreaterThan(0);
    expect(first.sent).toBeLessThan(12);
    const rest = await deliverBacklog(3, undefined, 200);
    expect(rest.sent).toBe(12 - first.sent);
    const ids = server.messages.filter((m) => m.includes("backlog")).map((m) => /^Message-ID:\s*(\S+)/im.exec(m)?.[1]);
    expect(new Set(ids).size).toBe(12);
    expect(ids).toHaveLength(12);
    // Nothing more: a round that found less than a batch says so.
    expect(await deliverDue(3, undefined, 200)).toMatchObject({ sent: 0, more: false });
  });

  it("delivers over TLS from the start (SMTP_SECURE=true) and over STARTTLS, on the pooled connections", async () => {
    // The pool opens its own sockets (Nagle's algorithm off) and hands them to nodemailer, which
    // must still wrap them in TLS. The test server's certificate is self-signed.
    vi.stubEnv("NODE_TLS_REJECT_UNAUTHORIZED", "0");
    for (const tls of ["implicit", "starttls"] as const) {
      smtp = await startTestSmtp({ tls });
      vi.stubEnv("SMTP_HOST", "127.0.0.1");
      vi.stubEnv("SMTP_PORT", String(smtp.port));
      vi.stubEnv("SMTP_SECURE", tls === "implicit" ? "true" : "false");
      for (let i = 0; i < 5; i++) await queue(`tls.${tls}.${i}@demo.test`);
      const report = await deliverDue(10);
      expect(report).toMatchObject({ sent: 5, failed: 0 });
      expect(smtp!.messages).toHaveLength(5);
      expect(smtp!.messages.every((m) => m.includes(`tls.${tls}.`))).toBe(true);
      expect(smtp!.overTls()).toBe(5);
      // Several sends at once share one pool (never a pool each): at most its connections.
      expect(smtp!.connections()).toBeLessThanOrEqual(SMTP_CONNECTIONS);
      await smtp!.close();
      smtp = null;
    }
  });

  it("marks a message sent only while its lease is held", async () => {
    let stolen = "";
    await useSmtp({
      beforeAccept: async (data) => {
        stolen = /Message-ID: <([^@>]+)@/i.exec(data)![1]!;
        // Meanwhile another deliverer took the message over (its lease had ended).
        await db.outboxMessage.update({ where: { id: stolen }, data: { nextAttemptAt: new Date(Date.now() + 120_000) } });
      },
    });
    const id = await queue("stolen@demo.test");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await deliverDue(10);
    expect(stolen).toBe(id);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("QUEUED");
    expect(warn.mock.calls.join(" ")).toMatch(/lease .* ended before it was marked sent/);
    warn.mockRestore();
  });

  it("gives every attempt of one message the same Message-ID, derived from its row", async () => {
    const server = await useSmtp({ rejectFirst: 1 });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const id = await queue("same-id@demo.test");
    await deliverDue(10);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
    await db.outboxMessage.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    await deliverDue(10);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
    const ids = server.messages.map((m) => /Message-ID: (<[^>]+>)/i.exec(m)?.[1]);
    expect(ids).toEqual([messageIdFor(id), messageIdFor(id)]);
    vi.restoreAllMocks();
  });
});

describe("failed messages", () => {
  it("keep their body after the last attempt, so that Retry sends the message itself", async () => {
    const down = await useSmtp();
    await down.close(); // the provider is down: its port refuses connections
    const id = await queue("last-try@demo.test");
    await db.outboxMessage.update({ where: { id }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
    await deliverDue();
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, lastError: "could not connect" });
    expect(failed.text).toContain("Body");
    const up = await useSmtp();
    await actAs("admin@demo.test");
    expect(await retryFailedMessageAction({ id })).toMatchObject({ ok: true });
    await deliverDue();
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
    const received = up.messages.filter((m) => m.includes("last-try@demo.test"));
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("Body");
    expect(received[0]).not.toContain("removed after delivery");
  });

  it("can be retried from Settings → Email (audited), except one whose code expired", async () => {
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const id = await queue("retry-me@demo.test");
    await db.outboxMessage.update({ where: { id }, data: { status: "FAILED", attempts: 8, lastError: "could not connect", expiresAt: null } });
    const expired = await queue("expired-code@demo.test");
    await db.outboxMessage.update({ where: { id: expired }, data: { status: "FAILED", attempts: 8, expiresAt: new Date(Date.now() - 1000) } });
    await actAs("admin@demo.test");
    expect(await retryFailedMessageAction({ id })).toMatchObject({ ok: true, message: "The message to retry-me@demo.test is queued again." });
    // The retry kicks a delivery round at once; let it end (joining it) before reading the row, or
    // the read races with it. This organization has no email configured, so the message, its
    // attempts counted from 0 again and its old error gone, waits as not configured.
    await deliverDue();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", attempts: 0, lastError: "Email delivery is not configured" });
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "settings.email.retry", targetId: id } })).toBe(1);
    expect(await retryFailedMessageAction({ id: expired })).toMatchObject({ ok: false, error: expect.stringMatching(/has expired/) });
    await actAs("tech@demo.test");
    expect(await retryFailedMessageAction({ id })).toMatchObject({ ok: false });
  });

  it("`npm run mail:deliver -- --retry-failed` queues them again and delivers", async () => {
    const server = await useSmtp();
    const id = await queue("script@demo.test");
    await db.outboxMessage.update({ where: { id }, data: { status: "FAILED", attempts: 8, expiresAt: null } });
    // Asynchronously: the test SMTP server runs in this process and must keep answering.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn("npx", ["tsx", "--import", "./scripts/server-only.mjs", "scripts/deliver-mail.ts", "--retry-failed"], {
        env: { ...process.env, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port) },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/queued again: \d+ failed message/);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
  });
});

describe("Send test email", () => {
  it("sends the test message at once, ahead of a backlog, and reports its own outcome", async () => {
    const server = await startTestSmtp();
    smtp = server;
    vi.stubEnv("SMTP_ALLOW_PRIVATE", "1");
    // 60 older messages of another organization wait (it has no transport).
    for (let i = 0; i < 60; i++) await queue(`backlog${i}@other.test`, "Other Alarms Ltd");
    await actAs("admin@demo.test");
    expect(await saveSmtpSettingsAction({ host: "127.0.0.1", port: server.port, secure: false, username: "", password: "", fromAddress: "alerts@northwind.test" })).toMatchObject({ ok: true });
    expect(await sendTestEmailAction()).toMatchObject({ ok: true, message: "Test email sent. Check your inbox." });
    expect(server.messages.some((m) => m.includes("Test email from the Dealer Portal"))).toBe(true);
  });
});
