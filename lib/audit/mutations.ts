import "server-only";
import type { Actor } from "../access/actor";
import { db, type Tx } from "../db";
import { eventBudget } from "../security/budget";
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

export const ANONYMOUS_DENIALS_PER_ADDRESS = 30;
export const ANONYMOUS_DENIALS_PER_SERVER = 300;

/** One pair of budgets per server process (instrumentation.ts and the app's bundle load this module apart). */
function anonymousDenialBudgets() {
  const holder = globalThis as { __portalAnonymousDenials?: { perAddress: ReturnType<typeof eventBudget>; perServer: ReturnType<typeof eventBudget> } };
  return (holder.__portalAnonymousDenials ??= { perAddress: eventBudget(ANONYMOUS_DENIALS_PER_ADDRESS), perServer: eventBudget(ANONYMOUS_DENIALS_PER_SERVER, 100) });
}

/**
 * A denial that anyone can cause without signing in (a server action called signed out, a
 * cross-origin call): recorded like any denial, but at most ANONYMOUS_DENIALS_PER_ADDRESS a minute
 * of each action from one address and ANONYMOUS_DENIALS_PER_SERVER from all, each limit's first
 * excess recorded as a notice that the rest of the minute's are not. A flood of anonymous calls
 * would otherwise grow the audit log by a row a request.
 */
export async function recordAnonymousDenial(input: AuditInput & { action: string }): Promise<void> {
  const budgets = anonymousDenialBudgets();
  const byAddress = budgets.perAddress(`${input.action} ${input.ip ?? "(unknown address)"}`);
  if (byAddress === "drop") return;
  const byServer = budgets.perServer(input.action);
  if (byServer === "drop") return;
  if (byServer === "notice")
    return recordAudit({ ...input, detail: `more than ${ANONYMOUS_DENIALS_PER_SERVER} a minute on this server, from all addresses: the rest of this minute's are not recorded` });
  if (byAddress === "notice") return recordAudit({ ...input, detail: `more than ${ANONYMOUS_DENIALS_PER_ADDRESS} a minute from this address: the rest of this minute's are not recorded` });
  return recordAudit(input);
}
