// Runs once in the Node.js server process at start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The front door (scripts/server.mjs) refuses requests before Next sees them; it reports those denials here.
  const { recordAudit } = await import("./lib/audit/mutations");
  (globalThis as { __portalRecordDenial?: unknown }).__portalRecordDenial = (event: { ip: string; detail: string; path: string }) =>
    recordAudit({ action: "security.origin_rejected", outcome: "DENIED", detail: `${event.detail} (${event.path})`, ip: event.ip });
  const { devMailboxWarning } = await import("./lib/email/mailbox");
  const warning = devMailboxWarning();
  if (warning) console.warn(warning);
  // Retries the outbox in the background (backoff is kept per message).
  if (process.env.OUTBOX_WORKER === "off") return;
  const { deliverDue } = await import("./lib/email/outbox");
  const { pruneRateLimits } = await import("./lib/auth/rate-limit");
  const every = Number(process.env.OUTBOX_INTERVAL_MS || 30_000);
  setInterval(() => {
    deliverDue().catch((e) => console.error("[outbox] delivery round failed", e));
    pruneRateLimits().catch((e) => console.error("[rate-limit] prune failed", e));
  }, every).unref();
}
