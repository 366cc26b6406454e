import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:net";
import { db } from "@/lib/db";
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

import { devMailboxEnabled } from "@/lib/email/transport";

describe("dev mailbox", () => {
  it("exists only while no transport is configured, and in production only when asked", () => {
    expect(devMailboxEnabled({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBe(true);
    expect(devMailboxEnabled({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toBe(false);
    expect(devMailboxEnabled({ NODE_ENV: "production", DEV_MAILBOX: "on" } as NodeJS.ProcessEnv)).toBe(true);
    expect(devMailboxEnabled({ NODE_ENV: "production", DEV_MAILBOX: "on", SMTP_HOST: "smtp.example.com" } as NodeJS.ProcessEnv)).toBe(false);
    expect(devMailboxEnabled({ NODE_ENV: "development", RESEND_API_KEY: "re_x" } as NodeJS.ProcessEnv)).toBe(false);
    expect(devMailboxEnabled({ NODE_ENV: "development", DEV_MAILBOX: "off" } as NodeJS.ProcessEnv)).toBe(false);
  });
});
