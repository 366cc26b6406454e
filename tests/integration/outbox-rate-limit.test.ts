// A provider's rate limit (Resend allows 2-5 requests a second by default; Twilio answers 429 with
// error 20429): a backlog meets it at once. Each "too many requests" must cost the message no
// attempt, and the round must wait the provider's Retry-After before its next send. Before, a 429
// counted as an outage: an attempt spent, and the message released again by the next success, so
// a backlog spent its 8 attempts within minutes and ended FAILED.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deliverDue, messageIdFor, queueEmail, queueSms, RATE_LIMITED } from "@/lib/email/outbox";
import { NoticeEmail } from "@/lib/email/templates";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";

type Seen = { at: number; path: string; status: number; messageId?: string };

/** A stand-in for Resend's and Twilio's APIs that takes at most 2 requests in any second. */
async function startLimitedProvider(options: { retryAfter?: string }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const at = Date.now();
      const recent = seen.filter((s) => s.status < 300 && at - s.at < 1000).length;
      const messageId = req.url === "/emails" ? (JSON.parse(body) as { headers?: Record<string, string> }).headers?.["Message-ID"] : undefined;
      if (recent >= 2) {
        seen.push({ at, path: req.url ?? "", status: 429, messageId });
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (options.retryAfter) headers["retry-after"] = options.retryAfter;
        const error =
          req.url === "/emails"
            ? { name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second.", statusCode: 429 }
            : { code: 20429, message: "Too Many Requests", status: 429 };
        return res.writeHead(429, headers).end(JSON.stringify(error));
      }
      seen.push({ at, path: req.url ?? "", status: 200, messageId });
      res.writeHead(req.url === "/emails" ? 200 : 201, { "content-type": "application/json" }).end(JSON.stringify({ id: `sent-${seen.length}`, sid: `SM${seen.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

let provider: Awaited<ReturnType<typeof startLimitedProvider>> | null = null;

beforeEach(async () => {
  // Only this test's messages are due.
  await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "FAILED", expiresAt: new Date(0) } });
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await provider?.close();
  provider = null;
});

/**
 * After each 429, only the requests already on their way when it came reach the provider within
 * the wait: at most one from each of the round's other senders (before, every message of the
 * batch was asked for at once).
 */
function waitedAfterEach429(seen: Seen[], waitMs: number) {
  return seen.every((s) => s.status !== 429 || seen.filter((o) => o.at > s.at && o.at < s.at + waitMs - 5).length <= SMTP_CONNECTIONS - 1);
}

/** Resend's API is the stand-in for the rest of the test. */
async function useLimitedResend(retryAfter: string) {
  provider = await startLimitedProvider({ retryAfter });
  vi.stubEnv("RESEND_API_KEY", "re_test_key");
  vi.stubEnv("RESEND_BASE_URL", provider.url);
  return provider;
}

/** Queues `count` emails of the demo organization, each in a transaction of its own; returns their ids. */
async function queueEmails(prefix: string, count: number): Promise<string[]> {
  const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const to = `${prefix}.${i}@demo.test`;
    ids.push(await db.$transaction((tx) => queueEmail(tx, { organizationId: org.id, to, subject: prefix, template: "test", body: NoticeEmail({ organization: "Org", heading: "Hi", body: "Body" }) })));
  }
  return ids;
}

describe("the outbox under a provider's rate limit", () => {
  it("Resend: every message of a backlog goes out once, none spends an attempt on a 429, and the round waits Retry-After", async () => {
    const provider = await useLimitedResend("1");
    const ids = await queueEmails("paced", 7);

    const report = await deliverDue(20);

    expect(report.sent).toBe(7);
    expect(report.failed).toBe(0);
    const rows = await db.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.map((m) => [m.status, m.attempts, m.lastError])).toEqual(ids.map(() => ["SENT", 1, null]));
    const accepted = provider.seen.filter((s) => s.status === 200);
    expect(accepted.map((s) => s.messageId).sort()).toEqual(ids.map(messageIdFor).sort());
    expect(provider.seen.filter((s) => s.status === 429).length).toBeGreaterThan(0);
    expect(waitedAfterEach429(provider.seen, 1000)).toBe(true);
  });

  it("Twilio: a 429 without Retry-After waits a second; the texts go out once each with no attempt spent", async () => {
    provider = await startLimitedProvider({});
    vi.stubEnv("TWILIO_ACCOUNT_SID", "AC123");
    vi.stubEnv("TWILIO_AUTH_TOKEN", "secret-token");
    vi.stubEnv("TWILIO_FROM", "+14155550100");
    vi.stubEnv("TWILIO_API_URL", provider.url);
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await db.$transaction((tx) => queueSms(tx, { organizationId: org.id, to: `+1415555017${i}`, template: "test-sms", text: `Paced ${i}` })));

    const report = await deliverDue(20);

    expect(report).toMatchObject({ sent: 5, failed: 0 });
    const rows = await db.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.every((m) => m.status === "SENT" && m.attempts === 1 && m.transport === "twilio")).toBe(true);
    expect(provider.seen.filter((s) => s.status === 429).length).toBeGreaterThan(0);
    expect(waitedAfterEach429(provider.seen, 1000)).toBe(true);
  });

  it("a message the rate limit held keeps its attempts and says why until it goes", async () => {
    await useLimitedResend("30");
    const ids = await queueEmails("held", 3);
    // A round of 1.5 s meets the limit at one of the three and waits out its budget, not 30 s.
    const started = Date.now();
    const report = await deliverDue(20, () => new Date(), 1500);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report).toMatchObject({ sent: 2, failed: 0, waiting: 1, more: true });
    // Three go at once: which of them met the limit is the provider's choice.
    const [held, ...others] = await db.outboxMessage.findMany({ where: { id: { in: ids }, status: "QUEUED" } });
    expect(others).toHaveLength(0);
    expect(held).toMatchObject({ status: "QUEUED", attempts: 0, lastError: RATE_LIMITED, transport: "resend", leasedUntil: null });
    expect(held!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
  });
});
