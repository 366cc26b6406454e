import "server-only";
import type { Actor } from "../access/actor";
import { db, type Tx } from "../db";

export type AuditInput = {
  actor?: Pick<Actor, "userId" | "email" | "organizationId" | "ip"> | null;
  organizationId?: string | null;
  actorEmail?: string | null;
  action: string;
  target?: { type: string; id?: string | null; label?: string | null };
  outcome?: "SUCCESS" | "FAILURE" | "DENIED";
  detail?: string;
  ip?: string | null;
};

/** Records who did what to which target, when, and how it ended. Never pass secrets. */
export async function recordAudit(input: AuditInput, tx: Tx | typeof db = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: input.organizationId ?? input.actor?.organizationId ?? null,
      actorUserId: input.actor?.userId ?? null,
      actorEmail: input.actorEmail ?? input.actor?.email ?? null,
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      targetLabel: input.target?.label ?? null,
      outcome: input.outcome ?? "SUCCESS",
      ip: input.ip ?? input.actor?.ip ?? null,
      detail: input.detail ?? null,
    },
  });
}
