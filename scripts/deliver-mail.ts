// `npm run mail:deliver`: delivers what is due, by hand (the server's background worker does the
// same every OUTBOX_INTERVAL_MS): rounds of up to 500 messages, back to back while more is due.
// `npm run mail:deliver -- --retry-failed` first queues the FAILED messages again (not those whose
// code expired).
import { db } from "../lib/db";
import { deliverBacklog, requeueFailed } from "../lib/email/outbox";
import { closeMailConnections } from "../lib/email/transport";

async function main() {
  if (process.argv.includes("--retry-failed")) console.log(`queued again: ${await requeueFailed({})} failed message(s)`);
  const report = await deliverBacklog(500);
  console.log(`sent ${report.sent}, failed ${report.failed}, kept waiting (no transport yet, or the provider's rate limit) ${report.waiting}`);
  closeMailConnections();
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
