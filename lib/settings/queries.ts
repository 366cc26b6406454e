import "server-only";
// Settings → Email: which transport is active, the saved SMTP settings (the password is never
// sent back to the browser), and the outbox's state.
import { db } from "../db";
import { assertCan } from "../access/guard";
import { permissionFlags, type Actor } from "../access/actor";
import { transportInfoFor } from "../email/transport";
import { devMailboxOpen } from "../email/mailbox";
import { portalLicenceUse } from "../portal/licences";

/** Settings → Email counts the messages sent in this many days: all of them would read the organization's whole history. */
export const SENT_COUNT_DAYS = 30;

export async function getEmailSettingsView(actor: Actor | null, now = new Date()) {
  const a = await assertCan(actor, "settings.view");
  // Each read is one range of the outbox's (organizationId, status, createdAt) index: at a million
  // sent messages, counting them all took 300 ms on SQLite.
  const [transport, saved, counts, sent, failures, devMailbox] = await Promise.all([
    transportInfoFor(a.organizationId),
    db.emailSettings.findUnique({ where: { organizationId: a.organizationId } }),
    db.outboxMessage.groupBy({ by: ["status"], where: { organizationId: a.organizationId, status: { in: ["QUEUED", "FAILED"] } }, _count: { _all: true } }),
    db.outboxMessage.count({ where: { organizationId: a.organizationId, status: "SENT", createdAt: { gte: new Date(now.getTime() - SENT_COUNT_DAYS * 86_400_000) } } }),
    db.outboxMessage.findMany({
      where: { organizationId: a.organizationId, status: { in: ["QUEUED", "FAILED"] }, lastError: { not: null } },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true },
    }),
    devMailboxOpen(),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<"QUEUED" | "FAILED", number>>;
  return {
    transport,
    devMailbox,
    saved: saved ? { host: saved.host, port: saved.port, secure: saved.secure, username: saved.username, fromAddress: saved.fromAddress, hasPassword: !!saved.passwordEncrypted } : null,
    outbox: { queued: byStatus.QUEUED ?? 0, sentRecently: sent, failed: byStatus.FAILED ?? 0 },
    problems: failures,
    permissions: permissionFlags(a, { manage: "settings.manage" }),
  };
}

/** Settings → Security: whether two-step verification is required, and whether the admin has it (required before requiring it). */
export async function getSecuritySettingsView(actor: Actor | null) {
  const a = await assertCan(actor, "settings.view");
  const [org, factor, employees, enrolled] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: a.organizationId }, select: { requireMfa: true } }),
    db.mfaFactor.findUnique({ where: { userId: a.userId }, select: { confirmedAt: true } }),
    db.employee.count({ where: { organizationId: a.organizationId } }),
    db.mfaFactor.count({ where: { confirmedAt: { not: null }, user: { organizationId: a.organizationId, kind: "EMPLOYEE" } } }),
  ]);
  return { requireMfa: org.requireMfa, selfEnrolled: Boolean(factor?.confirmedAt), employees, enrolled, permissions: permissionFlags(a, { manage: "settings.manage" }) };
}

/** Settings → Customer portal: the licence count and how many portal logins use one. */
export async function getPortalSettingsView(actor: Actor | null) {
  const a = await assertCan(actor, "settings.view");
  return { ...(await portalLicenceUse(db, a.organizationId)), permissions: permissionFlags(a, { manage: "settings.manage" }) };
}
