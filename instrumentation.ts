// Retries the outbox in the background of the Node.js server (backoff is kept per message).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.OUTBOX_WORKER === "off") return;
  const { deliverDue } = await import("./lib/email/outbox");
  const every = Number(process.env.OUTBOX_INTERVAL_MS || 30_000);
  setInterval(() => {
    deliverDue().catch((e) => console.error("[outbox] delivery round failed", e));
  }, every).unref();
}
