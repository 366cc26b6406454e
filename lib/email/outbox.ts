import "server-only";
// Every message is an outbox row first, written in the caller's transaction, then delivered.
import type { ReactElement } from "react";
import { db, type Tx } from "../db";
import { renderEmail } from "./templates";
import { transportFor } from "./transport";
import { toSingleLine } from "../text";
import { deliveryFailureReason } from "../settings/smtp-host";

export const MAX_DELIVERY_ATTEMPTS = 8;
const LEASE_MS = 60_000;
export const NOT_CONFIGURED = "Email delivery is not configured";

/**
 * Once a message is sent or has expired, the codes and link tokens in its body are of no use to
 * anyone but an attacker reading the database: the body is replaced, and recipient, subject,
 * template, status and times are kept.
 */
export const REDACTED_BODY = { html: "<p>(The content of this message was removed after delivery.)</p>", text: "(The content of this message was removed after delivery.)" };

/** Redacts every message whose code has expired, delivered or not (the dev mailbox then shows it redacted). */
export async function redactExpired(now = new Date()): Promise<number> {
  const done = await db.outboxMessage.updateMany({ where: { expiresAt: { lte: now }, NOT: { text: REDACTED_BODY.text } }, data: REDACTED_BODY });
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

/** Exponential backoff: 1, 2, 4 … minutes, capped at 2 hours. */
export function nextAttemptDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60 * 1000);
}

export type DeliveryReport = { sent: number; failed: number; waiting: number };

/**
 * Delivers due messages. Each message is first claimed with a conditional update (a lease),
 * so two deliverers never send the same message twice.
 */
export async function deliverDue(limit = 20, now = new Date()): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, waiting: 0 };
  await redactExpired(now);
  const due = await db.outboxMessage.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  for (const m of due) {
    const claimed = await db.outboxMessage.updateMany({
      where: { id: m.id, status: "QUEUED", nextAttemptAt: m.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count !== 1) continue;
    if (m.expiresAt && m.expiresAt <= now) {
      await db.outboxMessage.update({ where: { id: m.id }, data: { status: "FAILED", lastError: "Expired before it could be delivered", ...REDACTED_BODY } });
      report.failed++;
      continue;
    }
    const transport = await transportFor(m.organizationId);
    if (!transport) {
      // No transport: keep it queued; it goes out once email is configured (releaseWaiting).
      await db.outboxMessage.update({ where: { id: m.id }, data: { nextAttemptAt: new Date(now.getTime() + 5 * LEASE_MS), lastError: NOT_CONFIGURED } });
      report.waiting++;
      continue;
    }
    try {
      await transport.send({ to: m.to, subject: m.subject, html: m.html, text: m.text });
      await db.outboxMessage.update({
        where: { id: m.id },
        data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, transport: transport.info.kind, lastError: null, ...REDACTED_BODY },
      });
      report.sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      // Admins see a generic reason (Settings → Email is no port scanner); the detail goes to the log.
      const error = deliveryFailureReason(e);
      console.error(`[outbox] delivery of ${m.id} failed (${error})`, e instanceof Error ? e.message : e);
      await db.outboxMessage.update({
        where: { id: m.id },
        data: {
          attempts,
          lastError: error,
          transport: transport.info.kind,
          status: attempts >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "QUEUED",
          ...(attempts >= MAX_DELIVERY_ATTEMPTS ? REDACTED_BODY : {}),
          nextAttemptAt: new Date(Date.now() + nextAttemptDelayMs(attempts)),
        },
      });
      report.failed++;
    }
  }
  return report;
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
