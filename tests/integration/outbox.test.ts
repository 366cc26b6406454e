import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:net";
import { db } from "@/lib/db";

// The request's headers, as the front door passed them on (scripts/server.mjs).
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
import { deliverDue, nextAttemptDelayMs, NOT_CONFIGURED, queueEmail } from "@/lib/email/outbox";
import { NoticeEmail } from "@/lib/email/templates";

async function queue(to: string) {
  const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
  return db.$transaction((tx) => queueEmail(tx, { organizationId: org.id, to, subject: "Hello", template: "test", body: NoticeEmail({ organization: "Org", heading: "Hi", body: "Body text" }) }));
}

let server: Server | null = null;
afterEach(() => {
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
  server?.close();
  server = null;
});

describe("outbox", () => {
  it("renders the React template to HTML and text", async () => {
    const id = await queue("render@demo.test");
    const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.html).toContain("<h1");
    expect(m.text).toContain("Body text");
    expect(m.status).toBe("QUEUED");
  });

  it("keeps messages queued while no transport is configured", async () => {
    await db.emailSettings.deleteMany({});
    const id = await queue("waiting@demo.test");
    await deliverDue(500);
    const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.status).toBe("QUEUED");
    expect(m.lastError).toBe(NOT_CONFIGURED);
  });

  it("retries failed deliveries with backoff", async () => {
    // An SMTP server that hangs up at once.
    server = createServer((s) => s.destroy());
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String((server.address() as { port: number }).port);
    await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "FAILED" } });
    const id = await queue("retry@demo.test");
    const started = Date.now();
    await deliverDue(5);
    const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.status).toBe("QUEUED");
    expect(m.attempts).toBe(1);
    expect(m.lastError).toBeTruthy();
    expect(m.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(started + nextAttemptDelayMs(1) - 1000);
    expect(nextAttemptDelayMs(2)).toBe(2 * nextAttemptDelayMs(1));
  });
});

import { devMailboxEnabled, devMailboxWarning } from "@/lib/email/transport";
import { listDevMailbox } from "@/lib/email/mailbox";
import { RELAYED_HEADER } from "../../scripts/front-door.mjs";
import { REDACTED_BODY, redactExpired } from "@/lib/email/outbox";
import { CodeEmail } from "@/lib/email/templates";
import { startTestSmtp } from "../support/smtp-server";

describe("codes and links do not stay readable in the outbox", () => {
  const codeMail = (to: string, expiresAt: Date) =>
    db.$transaction(async (tx) => {
      const org = await tx.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
      return queueEmail(tx, {
        organizationId: org.id,
        to,
        subject: "Your code",
        template: "password-reset",
        expiresAt,
        body: CodeEmail({ organization: "Org", heading: "Reset", intro: "Use it", code: "31415926", link: "http://localhost/x?token=secret", linkLabel: "Go", expiresIn: "10 minutes" }),
      });
    });

  it("redacts the body once sent, keeping recipient, subject, template, status and times", async () => {
    const smtp = await startTestSmtp();
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(smtp.port);
    try {
      await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "FAILED" } });
      const id = await codeMail("redact-sent@demo.test", new Date(Date.now() + 600_000));
      expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).text).toContain("31415926");
      await deliverDue(5);
      const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(m.status).toBe("SENT");
      expect(smtp.messages.join("")).toContain("31415926");
      expect([m.html, m.text]).toEqual([REDACTED_BODY.html, REDACTED_BODY.text]);
      expect(`${m.html}${m.text}`).not.toMatch(/31415926|token=secret/);
      expect([m.to, m.subject, m.template]).toEqual(["redact-sent@demo.test", "Your code", "password-reset"]);
      expect(m.sentAt).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("redacts a message whose code expired, delivered or not", async () => {
    const id = await codeMail("redact-expired@demo.test", new Date(Date.now() - 1000));
    // One that failed its last attempt keeps its body for Retry until its code expires.
    const failed = await codeMail("redact-failed@demo.test", new Date(Date.now() - 1000));
    await db.outboxMessage.update({ where: { id: failed }, data: { status: "FAILED", attempts: 8 } });
    expect(await redactExpired()).toBeGreaterThanOrEqual(2);
    for (const [messageId, to] of [
      [id, "redact-expired@demo.test"],
      [failed, "redact-failed@demo.test"],
    ] as const) {
      const m = await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
      expect(m.text).toBe(REDACTED_BODY.text);
      expect(m.to).toBe(to);
    }
  });
});

describe("line breaks from elsewhere", () => {
  it("never reach an email subject or the audit log", async () => {
    const { recordAudit } = await import("@/lib/audit/mutations");
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const m = await db.$transaction((tx) =>
      queueEmail(tx, {
        organizationId: org.id,
        to: "subject@test.test",
        subject: "Hello\r\nBcc: victim@example.com",
        template: "test",
        body: NoticeEmail({ organization: "Org", heading: "Hi", body: "Body" }),
      }),
    );
    const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id: m } });
    expect(stored.subject).toBe("Hello Bcc: victim@example.com");
    await recordAudit({ action: "test.line_break", actorEmail: "a@b.c\nforged", detail: "one\ntwo", target: { type: "X", label: "l1\r\nl2" } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "test.line_break" } });
    expect([event.actorEmail, event.detail, event.targetLabel]).toEqual(["a@b.c forged", "one two", "l1 l2"]);
  });
});

describe("dev mailbox", () => {
  it("exists only while no transport is configured and the server listens on loopback, or when asked for", () => {
    const env = (e: Record<string, string>) => e as unknown as NodeJS.ProcessEnv;
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "127.0.0.1" }))).toBe(true);
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "::1" }))).toBe(true);
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "0.0.0.0" }))).toBe(false);
    expect(devMailboxEnabled(env({ NODE_ENV: "development" }))).toBe(false);
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "0.0.0.0", DEV_MAILBOX: "on" }))).toBe(true);
    expect(devMailboxWarning(env({ PORTAL_BIND_HOST: "0.0.0.0", DEV_MAILBOX: "on" }))).toMatch(/WARNING: DEV_MAILBOX=on while the server listens on 0\.0\.0\.0/);
    expect(devMailboxWarning(env({ PORTAL_BIND_HOST: "127.0.0.1", DEV_MAILBOX: "on" }))).toBeNull();
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "127.0.0.1", SMTP_HOST: "smtp.example.com" }))).toBe(false);
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "127.0.0.1", DEV_MAILBOX: "on", RESEND_API_KEY: "re_x" }))).toBe(false);
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "127.0.0.1", DEV_MAILBOX: "off" }))).toBe(false);
    // Behind a proxy, loopback is reached from anywhere.
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "127.0.0.1", TRUST_PROXY: "1" }))).toBe(false);
    expect(devMailboxEnabled(env({ PORTAL_BIND_HOST: "127.0.0.1", TRUST_PROXY: "0" }))).toBe(true);
    expect(devMailboxWarning(env({ PORTAL_BIND_HOST: "127.0.0.1", TRUST_PROXY: "1", DEV_MAILBOX: "on" }))).toMatch(/listens on 127\.0\.0\.1 behind a proxy/);
  });

  it("is not shown to a request a proxy relayed, unless asked for", async () => {
    vi.stubEnv("PORTAL_BIND_HOST", "127.0.0.1");
    try {
      expect(await listDevMailbox()).not.toBeNull();
      request.headers = new Headers({ [RELAYED_HEADER]: "1" });
      expect(await listDevMailbox()).toBeNull();
      vi.stubEnv("DEV_MAILBOX", "on");
      expect(await listDevMailbox()).not.toBeNull();
    } finally {
      request.headers = new Headers();
      vi.unstubAllEnvs();
    }
  });

  it("leaves out the messages of an organization that saved SMTP settings", async () => {
    vi.stubEnv("PORTAL_BIND_HOST", "127.0.0.1");
    try {
      const [org] = await db.organization.findMany({ where: { name: "Northwind Security" } });
      const other = await db.organization.create({ data: { name: "Mailbox test org" } });
      await db.outboxMessage.createMany({
        data: [
          { organizationId: org!.id, to: "a@mailbox.test", subject: "Northwind message", html: "<p>1</p>", text: "1", template: "test" },
          { organizationId: other.id, to: "b@mailbox.test", subject: "Other message", html: "<p>2</p>", text: "2", template: "test" },
        ],
      });
      const subjects = async () => ((await listDevMailbox(500)) ?? []).map((m) => m.subject);
      expect(await subjects()).toEqual(expect.arrayContaining(["Northwind message", "Other message"]));
      await db.emailSettings.create({ data: { organizationId: other.id, host: "smtp.example.com", port: 587, username: "", passwordEncrypted: "", fromAddress: "x@example.com" } });
      expect(await subjects()).toContain("Northwind message");
      expect(await subjects()).not.toContain("Other message");
      await db.organization.delete({ where: { id: other.id } });
      await db.outboxMessage.deleteMany({ where: { to: "a@mailbox.test" } });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
