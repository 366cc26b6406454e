import "server-only";
// Every message is an outbox row first, written in the caller's transaction, then delivered.
import type { ReactElement } from "react";
import { db, type Tx } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { renderEmail } from "./templates";
import { environmentTransportInfo, rateLimitWaitOf, SMTP_CONNECTIONS, transportFor, type Transport } from "./transport";
import { smsTransport } from "./sms";
import { escapeHtml } from "../html";
import { toSingleLine } from "../text";
import { deliveryFailureReason, SMTP_SERVER_FAILURES } from "../settings/smtp-host";
import { appUrl } from "../config";
import { pauseUntil } from "../pause";

export const MAX_DELIVERY_ATTEMPTS = 8;
const LEASE_MS = 60_000;
export const NOT_CONFIGURED = "Email delivery is not configured";
export const SMS_NOT_CONFIGURED = "SMS delivery is not configured";
export const RATE_LIMITED = "the provider's rate limit was reached";

/**
 * Once a message is sent or has expired, the codes and link tokens in its body are of no use to
 * anyone but an attacker reading the database: the body is replaced, and recipient, subject,
 * template, status and times are kept.
 */
export const REDACTED_BODY = { html: "<p>(The content of this message was removed after delivery.)</p>", text: "(The content of this message was removed after delivery.)" };

/**
 * Redacts every message whose code has expired, delivered or not (the dev mailbox then shows it
 * redacted). A sent message was redacted when sent, so only queued and failed ones are looked at,
 * by the index of (status, expiresAt): the outbox's history is never read.
 */
export async function redactExpired(now = new Date()): Promise<number> {
  const done = await db.outboxMessage.updateMany({ where: { status: { in: ["QUEUED", "FAILED"] }, expiresAt: { lte: now }, NOT: { text: REDACTED_BODY.text } }, data: REDACTED_BODY });
  return done.count;
}

export type QueueEmailInput = {
  organizationId: string | null;
  to: string;
  subject: string;
  template: string;
  body: ReactElement;
  expiresAt?: Date;
};

/** Writes the message in the caller's transaction. Call kickDelivery() after commit. */
export async function queueEmail(tx: Tx, input: QueueEmailInput): Promise<string> {
  const { html, text } = await renderEmail(input.body);
  const row = await tx.outboxMessage.create({
    data: {
      organizationId: input.organizationId,
      to: input.to,
      subject: toSingleLine(input.subject),
      template: input.template,
      html,
      text,
      expiresAt: input.expiresAt ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

export type QueueSmsInput = { organizationId: string | null; to: string; template: string; text: string; expiresAt?: Date };

/** A text message (to an E.164 number), written in the caller's transaction like an email. */
export async function queueSms(tx: Tx, input: QueueSmsInput): Promise<string> {
  const text = toSingleLine(input.text);
  const row = await tx.outboxMessage.create({
    data: {
      organizationId: input.organizationId,
      channel: "SMS",
      to: input.to,
      subject: "Text message",
      template: input.template,
      html: `<p>${escapeHtml(text)}</p>`,
      text,
      expiresAt: input.expiresAt ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

const SMS_UNREACHABLE = "the SMS provider could not be reached";
const SMS_UNAVAILABLE = "the SMS provider is not available";
const SMS_CREDENTIALS_REFUSED = "the SMS provider refused the credentials";
const SMS_PROVIDER_FAILURES = [SMS_UNREACHABLE, SMS_UNAVAILABLE, SMS_CREDENTIALS_REFUSED];

function smsFailureReason(e: unknown): string {
  const status = (e as { status?: unknown } | null)?.status;
  if (typeof status !== "number") return SMS_UNREACHABLE;
  if (status >= 500 || status === 429) return SMS_UNAVAILABLE;
  if (status === 401 || status === 403) return SMS_CREDENTIALS_REFUSED;
  return "the SMS provider refused the message";
}

/**
 * Failures of the provider as a whole, not of one message. Only a message held back by one of these
 * is released when a send succeeds, or tried early as a probe: one its recipient's server refused
 * (greylisting, a full mailbox) keeps its backoff, or each success would retry it at once and spend
 * its attempts within a minute.
 */
const PROVIDER_FAILURES = [...SMTP_SERVER_FAILURES, ...SMS_PROVIDER_FAILURES];

/**
 * The provider a message goes through, as far as one failing stands for all its messages: the SMS
 * provider, the environment's email transport, or an organization's own SMTP settings.
 */
function providerOf(m: { channel: "EMAIL" | "SMS"; organizationId: string | null }): string {
  if (m.channel === "SMS") return "sms";
  return environmentTransportInfo().kind !== "none" ? "email" : `email:${m.organizationId ?? ""}`;
}

/**
 * The due messages of a round, less those whose provider failed as a whole earlier in it: they are
 * left due, untouched, for the next round. So one organization's unreachable SMTP server (10 s a
 * connection) holds up neither the round nor the other organizations' mail.
 */
function notThroughFailedProviders(down: Set<string>): Prisma.OutboxMessageWhereInput {
  const conditions: Prisma.OutboxMessageWhereInput[] = [];
  if (down.has("sms")) conditions.push({ channel: "EMAIL" });
  if (down.has("email")) conditions.push({ channel: "SMS" });
  const organizations = [...down].filter((p) => p.startsWith("email:")).map((p) => p.slice("email:".length));
  // Spelled out for NULL: a message of no organization is not one of theirs.
  if (organizations.length) conditions.push({ OR: [{ channel: "SMS" }, { organizationId: null }, { organizationId: { notIn: organizations } }] });
  return conditions.length ? { AND: conditions } : {};
}

/** Exponential backoff: 1, 2, 4 … minutes, capped at 2 hours. */
export function nextAttemptDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60 * 1000);
}

/**
 * `waiting`: kept queued without an attempt (no transport yet, or the provider's rate limit).
 * `more`: the round reached its time budget with a full batch just done, so more may be due.
 */
export type DeliveryReport = { sent: number; failed: number; waiting: number; more: boolean };
const emptyReport = (): DeliveryReport => ({ sent: 0, failed: 0, waiting: 0, more: false });

/** Messages a round has in flight at once (each SMTP configuration's pool has as many connections). */
const SENDS_AT_ONCE = SMTP_CONNECTIONS;

/** Longest a send may take; well inside the lease, so a claimed message is never claimed again meanwhile. */
const SEND_BUDGET_MS = 40_000;

/** The Message-ID of a message: the same for every attempt, so a receiving server can tell a retry after a crash from a new message. */
export function messageIdFor(id: string): string {
  let host = "localhost";
  try {
    host = new URL(appUrl()).hostname || host;
  } catch {}
  return `<${id}@${host}>`;
}

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`the send took longer than ${ms} ms`), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Claims one due message with a lease that starts now (not when the round started): until the
 * lease ends no other deliverer, in this process or another instance, can claim it. Returns the
 * lease's end, which every later update of the message must still find in place.
 */
async function claim(id: string, now: Date, onlyIfDue = true): Promise<Date | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  // A message that is not due yet (Send test email, a probe) is still never taken from another deliverer's lease.
  const notLeased = { OR: [{ leasedUntil: null }, { leasedUntil: { lte: now } }] };
  const claimed = await db.outboxMessage.updateMany({
    where: { id, status: "QUEUED", ...(onlyIfDue ? { nextAttemptAt: { lte: now } } : notLeased) },
    data: { nextAttemptAt: leaseUntil, leasedUntil: leaseUntil },
  });
  return claimed.count === 1 ? leaseUntil : null;
}

/**
 * A send just succeeded: the provider is up. Messages of the same transport held back by backoff
 * because the provider failed become due at once, except any another deliverer holds right now.
 */
async function releaseHeldBack(m: { channel: "EMAIL" | "SMS"; organizationId: string | null }, info: Transport["info"], now: Date): Promise<number> {
  const released = await db.outboxMessage.updateMany({
    where: {
      status: "QUEUED",
      channel: m.channel,
      transport: info.kind,
      attempts: { gt: 0 },
      lastError: { in: PROVIDER_FAILURES },
      nextAttemptAt: { gt: now },
      OR: [{ leasedUntil: null }, { leasedUntil: { lte: now } }],
      // An organization's own SMTP settings recovered: only its messages.
      ...("source" in info && info.source === "settings" ? { organizationId: m.organizationId } : {}),
    },
    data: { nextAttemptAt: now },
  });
  return released.count;
}

/**
 * Delivers one claimed message; every update is conditional on the lease still being held. A probe
 * (a held-back message tried early to see whether the provider is back) that fails goes back to
 * where it was, without counting an attempt. Returns how long the provider asked to wait before
 * the next send (its rate limit), or 0.
 */
async function deliverClaimed(id: string, leaseUntil: Date, report: DeliveryReport, now: () => Date, probe?: { heldUntil: Date }, providersDown?: Set<string>): Promise<number> {
  const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
  const held = { id, status: "QUEUED" as const, nextAttemptAt: leaseUntil };
  if (m.expiresAt && m.expiresAt <= now()) {
    await db.outboxMessage.updateMany({ where: held, data: { status: "FAILED", leasedUntil: null, lastError: "Expired before it could be delivered", ...REDACTED_BODY } });
    report.failed++;
    return 0;
  }
  const transport = m.channel === "SMS" ? smsTransport() : await transportFor(m.organizationId);
  if (!transport) {
    // No transport: keep it queued; it goes out once email (or SMS) is configured (releaseWaiting).
    await db.outboxMessage.updateMany({
      where: held,
      data: { nextAttemptAt: new Date(now().getTime() + 5 * LEASE_MS), leasedUntil: null, lastError: m.channel === "SMS" ? SMS_NOT_CONFIGURED : NOT_CONFIGURED },
    });
    report.waiting++;
    return 0;
  }
  try {
    await withinBudget(transport.send({ to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: messageIdFor(m.id) }), SEND_BUDGET_MS);
  } catch (e) {
    const wait = rateLimitWaitOf(e);
    if (wait !== null) {
      // Too many requests: due again once the provider's wait is over, with no attempt spent (a
      // backlog paced by a rate limit would otherwise spend its 8 attempts within minutes).
      await db.outboxMessage.updateMany({ where: held, data: { nextAttemptAt: new Date(now().getTime() + wait), leasedUntil: null, lastError: RATE_LIMITED, transport: transport.info.kind } });
      report.waiting++;
      return wait;
    }
    const attempts = m.attempts + 1;
    // After the last attempt the body is kept, so that Retry sends the message itself; a code or
    // link in it is redacted when it expires (redactExpired), like a queued one's.
    // Admins see a generic reason (Settings → Email is no port scanner); the detail goes to the log.
    const error = m.channel === "SMS" ? smsFailureReason(e) : deliveryFailureReason(e);
    console.error(`[outbox] delivery of ${m.id} failed (${error})`, e instanceof Error ? e.message : e);
    if (PROVIDER_FAILURES.includes(error)) providersDown?.add(providerOf(m));
    if (probe) {
      await db.outboxMessage.updateMany({ where: held, data: { nextAttemptAt: probe.heldUntil, leasedUntil: null, lastError: error } });
      report.failed++;
      return 0;
    }
    await db.outboxMessage.updateMany({
      where: held,
      data: {
        attempts,
        lastError: error,
        transport: transport.info.kind,
        status: attempts >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "QUEUED",
        nextAttemptAt: new Date(now().getTime() + nextAttemptDelayMs(attempts)),
        leasedUntil: null,
      },
    });
    report.failed++;
    return 0;
  }
  const marked = await db.outboxMessage.updateMany({
    where: held,
    data: { status: "SENT", sentAt: now(), attempts: { increment: 1 }, transport: transport.info.kind, lastError: null, leasedUntil: null, ...REDACTED_BODY },
  });
  if (marked.count !== 1) console.warn(`[outbox] the lease of ${m.id} ended before it was marked sent; another deliverer may send it again`);
  report.sent++;
  await releaseHeldBack(m, transport.info, now());
  return 0;
}

// On globalThis: Next bundles the background worker (instrumentation.ts) and the server actions
// that kick delivery separately, so a module variable would give each bundle its own round.
const rounds = globalThis as unknown as { __outboxRound?: Promise<DeliveryReport> | null; __outboxStopping?: boolean };

/**
 * Delivers due messages, each claimed with its own fresh lease just before it is sent. One round
 * at a time per process: a call while a round runs joins it instead of starting another.
 */
export function deliverDue(limit = 20, now: () => Date = () => new Date(), budgetMs = ROUND_BUDGET_MS): Promise<DeliveryReport> {
  if (rounds.__outboxStopping) return Promise.resolve(emptyReport());
  rounds.__outboxRound ??= runRound(limit, now, budgetMs).finally(() => {
    rounds.__outboxRound = null;
  });
  return rounds.__outboxRound;
}

/**
 * A round keeps taking batches while messages are due, up to this long, so one started after a
 * request's commit (kickDelivery) does not run on; the worker's deliverBacklog starts the next.
 */
const ROUND_BUDGET_MS = 20_000;

/**
 * Rounds back to back while each ends at its time budget with more due (the background worker and
 * `npm run mail:deliver`): a backlog goes out at the rate the provider takes it, not 20 s of every
 * worker interval (30 s).
 */
export async function deliverBacklog(limit = 20, now: () => Date = () => new Date(), budgetMs = ROUND_BUDGET_MS): Promise<DeliveryReport> {
  const total = emptyReport();
  for (;;) {
    const report = await deliverDue(limit, now, budgetMs);
    total.sent += report.sent;
    total.failed += report.failed;
    total.waiting += report.waiting;
    // A round that sent nothing ended on failures (the provider is down): the worker's interval paces the retries.
    if (!report.more || report.sent === 0 || rounds.__outboxStopping) return total;
  }
}

/** A code or link that expires within this long goes out before other mail: someone is waiting for it. */
const FIRST_IF_EXPIRING_WITHIN_MS = 60 * 60 * 1000;

/**
 * The next messages to send: first the codes and links that expire within the hour, soonest
 * first (a sign-in code is not held up behind thousands of invitations and expire there; the
 * index of (status, expiresAt) finds them), then the rest, longest due first.
 */
async function dueBatch(limit: number, now: Date, providersDown: Set<string>) {
  const due = { status: "QUEUED" as const, nextAttemptAt: { lte: now }, ...notThroughFailedProviders(providersDown) };
  const select = { id: true, channel: true, organizationId: true } as const;
  const urgent = await db.outboxMessage.findMany({
    where: { ...due, expiresAt: { gt: now, lte: new Date(now.getTime() + FIRST_IF_EXPIRING_WITHIN_MS) } },
    orderBy: { expiresAt: "asc" },
    take: limit,
    select,
  });
  if (urgent.length === limit) return urgent;
  const rest = await db.outboxMessage.findMany({
    where: { ...due, id: { notIn: urgent.map((m) => m.id) } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit - urgent.length,
    select,
  });
  return [...urgent, ...rest];
}

async function runRound(limit: number, now: () => Date, budgetMs: number): Promise<DeliveryReport> {
  const report = emptyReport();
  const started = Date.now();
  const providersDown = new Set<string>();
  await redactExpired(now());
  const drain = async () => {
    while (!rounds.__outboxStopping) {
      if (Date.now() - started >= budgetMs) return void (report.more = true);
      const due = await dueBatch(limit, now(), providersDown);
      // Up to SENDS_AT_ONCE messages of the batch are in flight at once, each claimed just before
      // its send: a provider a few round trips away takes a backlog that many times faster.
      let next = 0;
      let waited = false;
      let resumeAt = 0;
      const sender = async () => {
        // Shutting down: claim nothing more (sends in flight finish; the rest stay due for the next instance).
        while (next < due.length && !rounds.__outboxStopping) {
          if (resumeAt > Date.now()) {
            // The provider's rate limit: no send before its wait is over, within the round's budget.
            await pauseUntil(Math.min(resumeAt, started + budgetMs));
            if (Date.now() >= started + budgetMs) return;
            continue;
          }
          const m = due[next++]!;
          // Its provider failed as a whole meanwhile: left due for the next round, untouched.
          if (providersDown.has(providerOf(m))) continue;
          const leaseUntil = await claim(m.id, now());
          const wait = leaseUntil ? await deliverClaimed(m.id, leaseUntil, report, now, undefined, providersDown) : 0;
          if (wait > 0) {
            // The message that met the limit is due again after the wait, so the batch is read once more.
            waited = true;
            resumeAt = Math.max(resumeAt, Date.now() + wait);
          }
        }
      };
      // Every sender has stopped before the round goes on or ends (a failed statement included).
      const senders = await Promise.allSettled(Array.from({ length: SENDS_AT_ONCE }, sender));
      const failure = senders.find((r) => r.status === "rejected");
      if (failure) throw failure.reason;
      // The messages that met a rate limit are due once its wait is over: wait for them here.
      if (resumeAt > Date.now()) await pauseUntil(Math.min(resumeAt, started + budgetMs));
      if (due.length < limit && !waited) break;
    }
  };
  await drain();
  // Nothing was due (or nothing failed just now) and messages wait in backoff because the provider
  // failed: try the one held back the least, early, to see whether the provider is back. If it is, the others are released and go
  // out in this same round. So after an outage, mail resumes within one worker interval.
  // An expired message is no probe: it would be failed, not sent, and tell nothing of the provider.
  if (report.sent === 0 && report.failed === 0 && !rounds.__outboxStopping) {
    const held = await db.outboxMessage.findFirst({
      where: {
        status: "QUEUED",
        attempts: { gt: 0 },
        lastError: { in: PROVIDER_FAILURES },
        nextAttemptAt: { gt: now() },
        AND: [{ OR: [{ leasedUntil: null }, { leasedUntil: { lte: now() } }] }, { OR: [{ expiresAt: null }, { expiresAt: { gt: now() } }] }],
      },
      orderBy: { nextAttemptAt: "asc" },
      select: { id: true, nextAttemptAt: true },
    });
    const leaseUntil = held ? await claim(held.id, now(), false) : null;
    if (held && leaseUntil) {
      const before = report.sent;
      await deliverClaimed(held.id, leaseUntil, report, now, { heldUntil: held.nextAttemptAt });
      if (report.sent > before) await drain();
    }
  }
  return report;
}

/**
 * Graceful shutdown (SIGTERM, scripts/server.mjs): no new round and no new claim; the sends in
 * progress may finish (within their 40-second budget) so that no lease is left held. Resolves when
 * the round has ended or after `graceMs`; a send still running then keeps its lease until the
 * lease ends (60 s) and is retried by another instance.
 */
export async function stopDelivery(graceMs = 45_000): Promise<boolean> {
  rounds.__outboxStopping = true;
  const round = rounds.__outboxRound;
  if (!round) return true;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  const ended = await Promise.race([
    round.then(
      () => true,
      () => true,
    ),
    timedOut,
  ]);
  clearTimeout(timer);
  return ended;
}

/** Sends this one message now, whatever waits before it (Send test email); its row tells the outcome. */
export async function deliverNow(id: string, now: () => Date = () => new Date()): Promise<void> {
  const leaseUntil = await claim(id, now(), false);
  if (leaseUntil) await deliverClaimed(id, leaseUntil, emptyReport(), now);
}

/** FAILED messages (after the last retry) go out again: by Settings → Email's Retry or `npm run mail:deliver -- --retry-failed`. Expired codes stay failed. */
export async function requeueFailed(where: { organizationId?: string; id?: string }, tx: Tx | typeof db = db, now = new Date()): Promise<number> {
  const requeued = await tx.outboxMessage.updateMany({
    where: { ...where, status: "FAILED", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { status: "QUEUED", attempts: 0, lastError: null, nextAttemptAt: now },
  });
  return requeued.count;
}

/** After a commit that queued mail: deliver without making the user wait for it. */
export async function kickDelivery(): Promise<void> {
  const run = () => deliverDue().catch((e) => console.error("[outbox] delivery failed", e));
  try {
    const { after } = await import("next/server");
    after(run);
  } catch {
    void run();
  }
}

/** When an organization newly configures email, its waiting messages become due again. */
export async function releaseWaiting(organizationId: string): Promise<void> {
  await db.outboxMessage.updateMany({ where: { organizationId, status: "QUEUED" }, data: { nextAttemptAt: new Date() } });
}
