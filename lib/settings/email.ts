// Settings → Email: which transport is active, saved SMTP settings (password encrypted at
// rest, never sent back to the browser), a test email, and the outbox's state.
import type { z } from "zod";
import { db } from "../db";
import { assertCan } from "../access/guard";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit";
import { encryptSecret } from "../crypto";
import { deliverDue, kickDelivery, NOT_CONFIGURED, queueEmail, releaseWaiting } from "../email/outbox";
import { NoticeEmail } from "../email/templates";
import { devMailboxEnabled, transportInfoFor } from "../email/transport";
import { RuleError } from "../actions/result";
import { smtpSettingsSchema } from "./email-schema";

export { smtpSettingsSchema };


export async function getEmailSettingsView(actor: Actor | null) {
  const a = await assertCan(actor, "settings.view");
  const [transport, saved, counts, failures] = await Promise.all([
    transportInfoFor(a.organizationId),
    db.emailSettings.findUnique({ where: { organizationId: a.organizationId } }),
    db.outboxMessage.groupBy({ by: ["status"], where: { organizationId: a.organizationId }, _count: { _all: true } }),
    db.outboxMessage.findMany({
      where: { organizationId: a.organizationId, lastError: { not: null }, status: { not: "SENT" } },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true },
    }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<"QUEUED" | "SENT" | "FAILED", number>>;
  return {
    transport,
    devMailbox: devMailboxEnabled(),
    saved: saved ? { host: saved.host, port: saved.port, secure: saved.secure, username: saved.username, fromAddress: saved.fromAddress, hasPassword: !!saved.passwordEncrypted } : null,
    outbox: { queued: byStatus.QUEUED ?? 0, sent: byStatus.SENT ?? 0, failed: byStatus.FAILED ?? 0 },
    problems: failures,
  };
}

export async function saveSmtpSettings(actor: Actor | null, input: z.output<typeof smtpSettingsSchema>) {
  const a = await assertCan(actor, "settings.manage");
  await db.$transaction(async (tx) => {
    const existing = await tx.emailSettings.findUnique({ where: { organizationId: a.organizationId } });
    const passwordEncrypted = input.password ? encryptSecret(input.password) : (existing?.passwordEncrypted ?? "");
    const data = { host: input.host, port: input.port, secure: input.secure, username: input.username, fromAddress: input.fromAddress, passwordEncrypted };
    await tx.emailSettings.upsert({ where: { organizationId: a.organizationId }, create: { organizationId: a.organizationId, ...data }, update: data });
    await recordAudit({ actor: a, action: "settings.email.save", target: { type: "EmailSettings", label: `${input.host}:${input.port}` }, detail: input.password ? "password changed" : "password kept" }, tx);
  });
  await releaseWaiting(a.organizationId);
  await kickDelivery();
}

export async function removeSmtpSettings(actor: Actor | null) {
  const a = await assertCan(actor, "settings.manage");
  await db.$transaction(async (tx) => {
    const removed = await tx.emailSettings.deleteMany({ where: { organizationId: a.organizationId } });
    if (removed.count === 0) throw new RuleError("There are no saved SMTP settings to remove.");
    await recordAudit({ actor: a, action: "settings.email.remove", target: { type: "EmailSettings" } }, tx);
  });
}

/** Queues a test email to the admin and tries to deliver it at once; says what happened. */
export async function sendTestEmail(actor: Actor | null): Promise<{ status: "sent" | "waiting" | "failed"; detail?: string }> {
  const a = await assertCan(actor, "settings.manage");
  const id = await db.$transaction(async (tx) => {
    const messageId = await queueEmail(tx, {
      organizationId: a.organizationId,
      to: a.email,
      subject: "Test email from the Dealer Portal",
      template: "test-email",
      body: NoticeEmail({ organization: a.organizationName, heading: "Email works", body: `This test was sent by ${a.email} from Settings → Email.` }),
    });
    await recordAudit({ actor: a, action: "settings.email.test", target: { type: "OutboxMessage", id: messageId, label: a.email } }, tx);
    return messageId;
  });
  await deliverDue(50);
  const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
  if (m.status === "SENT") return { status: "sent" };
  if (m.lastError === NOT_CONFIGURED) return { status: "waiting" };
  return { status: "failed", detail: m.lastError ?? undefined };
}
