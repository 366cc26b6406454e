// Runs once in the Node.js server process at start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The front door (scripts/server.mjs) refuses requests before Next sees them; it reports those
  // denials here. Anyone can cause them, so they are recorded within the anonymous denials' budget.
  const { recordAnonymousDenial } = await import("./lib/audit/mutations");
  (globalThis as { __portalRecordDenial?: unknown }).__portalRecordDenial = (event: { ip: string; detail: string; path: string }) =>
    recordAnonymousDenial({ action: "security.origin_rejected", outcome: "DENIED", detail: `${event.detail} (${event.path})`, ip: event.ip });
  // /health asks the front door's question "does the database answer?" through this (cached for a second).
  const { db } = await import("./lib/db");
  let checked = { at: 0, up: Promise.resolve(true) };
  (globalThis as { __portalDatabaseUp?: unknown }).__portalDatabaseUp = () => {
    if (Date.now() - checked.at > 1000) {
      const probe = db.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      checked = { at: Date.now(), up: Promise.race([probe, new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())]) };
    }
    return checked.up;
  };
  const { devMailboxWarning } = await import("./lib/email/mailbox");
  const warning = devMailboxWarning();
  if (warning) console.warn(warning);
  // Retries the outbox in the background (backoff is kept per message).
  const { deliverBacklog, stopDelivery } = await import("./lib/email/outbox");
  const worker: { timer?: NodeJS.Timeout; busy?: boolean } = {};
  // Graceful shutdown (scripts/server.mjs on SIGTERM, after the last request): the outbox stops claiming, the sends in progress finish.
  (globalThis as { __portalShutdown?: unknown }).__portalShutdown = async () => {
    clearInterval(worker.timer);
    const ended = await stopDelivery();
    if (!ended) console.warn("[outbox] a send was still running at shutdown; its lease ends by itself and another instance retries it");
    (await import("./lib/email/transport")).closeMailConnections();
    await (await import("./lib/db-read")).closeReaders().catch(() => undefined);
    await db.$disconnect().catch(() => undefined);
  };
  if (process.env.OUTBOX_WORKER === "off") return;
  const { pruneRateLimits } = await import("./lib/auth/rate-limit");
  const every = Number(process.env.OUTBOX_INTERVAL_MS || 30_000);
  worker.timer = setInterval(() => {
    // A backlog longer than a round keeps this tick busy: the next ticks leave it alone.
    if (!worker.busy) {
      worker.busy = true;
      deliverBacklog()
        .catch((e) => console.error("[outbox] delivery round failed", e))
        .finally(() => (worker.busy = false));
    }
    pruneRateLimits().catch((e) => console.error("[rate-limit] prune failed", e));
  }, every);
  worker.timer.unref();
}
