import "server-only";
// Settings → Email: saved SMTP settings (password encrypted at rest) and a test email.
import type { z } from "zod";
import { db } from "../db";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { encryptSecret } from "../crypto";
import { deliverNow, kickDelivery, NOT_CONFIGURED, queueEmail, releaseWaiting, requeueFailed } from "../email/outbox";
import { NoticeEmail } from "../email/templates";
import { RuleError } from "../actions/result";
import type { smtpSettingsSchema } from "./schemas";
import { assertSmtpHostAllowed } from "./smtp-host";

export const PASSWORD_FOR_NEW_SERVER = "Enter the password: the saved one is kept only for the server and username it was entered for.";

export async function saveSmtpSettings(actor: Actor | null, input: z.output<typeof smtpSettingsSchema>) {
  const a = await assertCan(actor, "settings.manage");
  await assertSmtpHostAllowed(input.host);
  await db.$transaction(async (tx) => {
    const existing = await tx.emailSettings.findUnique({ where: { organizationId: a.organizationId } });
    // A saved password goes only to the server and username it was entered for. Otherwise anyone
    // who may change settings could point them at a server of their own with the password kept,
    // send a test email and read the dealer's mail password there.
    const sameAccount = !!existing && existing.host.toLowerCase() === input.host.toLowerCase() && existing.username === input.username;
    if (!input.password && existing?.passwordEncrypted && input.username && !sameAccount) throw new RuleError(PASSWORD_FOR_NEW_SERVER, { password: PASSWORD_FOR_NEW_SERVER });
    const passwordEncrypted = input.password ? encryptSecret(input.password) : sameAccount ? existing.passwordEncrypted : "";
    const data = { host: input.host, port: input.port, secure: input.secure, username: input.username, fromAddress: input.fromAddress, passwordEncrypted };
    await tx.emailSettings.upsert({ where: { organizationId: a.organizationId }, create: { organizationId: a.organizationId, ...data }, update: data });
    await recordAudit(
      {
        actor: a,
        action: "settings.email.save",
        target: { type: "EmailSettings", label: `${input.host}:${input.port}` },
        detail: input.password ? "password changed" : passwordEncrypted ? "password kept" : "no password",
      },
      tx,
    );
  });
  await releaseWaiting(a.organizationId);
  await kickDelivery();
  return { message: "SMTP settings saved. Waiting messages will now be delivered." };
}

export async function removeSmtpSettings(actor: Actor | null) {
  const a = await assertCan(actor, "settings.manage");
  await db.$transaction(async (tx) => {
    const removed = await tx.emailSettings.deleteMany({ where: { organizationId: a.organizationId } });
    if (removed.count === 0) throw new RuleError("There are no saved SMTP settings to remove.");
    await recordAudit({ actor: a, action: "settings.email.remove", target: { type: "EmailSettings" } }, tx);
  });
  return { message: "SMTP settings removed." };
}

/** Queues a test email to the admin and tries to deliver it at once; says what happened. */
export async function sendTestEmail(actor: Actor | null) {
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
  // Sent at once, ahead of any backlog, so that what is shown is this message's own outcome.
  await deliverNow(id);
  const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
  if (m.status === "SENT") return { message: "Test email sent. Check your inbox." };
  if (m.lastError === NOT_CONFIGURED) return { warning: "Email delivery is not configured: the test email is queued and will go out once email is configured." };
  throw new RuleError(`The test email could not be delivered: ${m.lastError ?? "unknown error"}. It will be retried.`);
}

/** Retry: a failed message (after its last attempt) goes out again; one whose code expired cannot, and says so. */
export async function retryFailedMessage(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "settings.manage");
  const m = await db.outboxMessage.findFirst({ where: { id, organizationId: a.organizationId }, select: { id: true, to: true, subject: true, status: true, expiresAt: true } });
  if (!m) throw new NotFoundError("The message");
  if (m.status !== "FAILED") throw new RuleError("Only failed messages can be retried.");
  if (m.expiresAt && m.expiresAt <= new Date()) throw new RuleError("The code in this message has expired, so it is not sent again. Ask for a new code instead.");
  await db.$transaction(async (tx) => {
    if ((await requeueFailed({ id: m.id, organizationId: a.organizationId }, tx)) !== 1) throw new RuleError("The message changed meanwhile. Reload and try again.");
    await recordAudit({ actor: a, action: "settings.email.retry", target: { type: "OutboxMessage", id: m.id, label: `${m.to}: ${m.subject}` } }, tx);
  });
  await kickDelivery();
  return { message: `The message to ${m.to} is queued again.` };
}
