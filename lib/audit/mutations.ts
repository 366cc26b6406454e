import "server-only";
import type { Actor } from "../access/actor";
import { db, type Tx } from "../db";
import { toSingleLine } from "../text";

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

/** No line break reaches the audit log, whatever a caller passes. */
function oneLine(text: string | null | undefined): string | null {
  return text == null ? null : toSingleLine(text);
}

/** Records who did what to which target, when, and how it ended. Never pass secrets. */
export async function recordAudit(input: AuditInput, tx: Tx | typeof db = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: input.organizationId ?? input.actor?.organizationId ?? null,
      actorUserId: input.actor?.userId ?? null,
      // Lower case, as the log's actor filter compares (an address typed at a sign-in may not be).
      actorEmail: oneLine(input.actorEmail ?? input.actor?.email)?.toLowerCase() ?? null,
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      targetLabel: oneLine(input.target?.label),
      outcome: input.outcome ?? "SUCCESS",
      ip: input.ip ?? input.actor?.ip ?? null,
      detail: oneLine(input.detail),
    },
  });
}
