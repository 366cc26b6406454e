// The production server (`npm start`, `npm run demo`, the e2e tests): Next's request handler
// behind a front door that decides what of a request to trust before Next sees it.
//
// - Binds to 127.0.0.1 unless HOST says otherwise: the demo and its dev mailbox stay on this machine.
//   A request a proxy relayed (X-Forwarded-*, Forwarded, X-Real-IP, Via) is marked as such
//   (RELAYED_HEADER), so that the dev mailbox is not shown through a proxy on this machine.
// - X-Forwarded-* and Forwarded are dropped unless TRUST_PROXY names the proxies in front
//   (TRUST_PROXY=1: one proxy; =2: two). X-Forwarded-For is then set to the caller's address: the
//   socket's, or the one the nearest trusted proxy saw. Next fills X-Forwarded-Host from Host, so a
//   forged X-Forwarded-Host can no longer make a cross-origin server-action call look same-origin.
// - A server-action POST whose Origin is not the app's (APP_URL, or the Host when APP_URL is unset)
//   is refused with 403 and audited as a denial: a call with the Next-Action header, and a form
//   posted without JavaScript (multipart), which Next also runs as an action.
// - A body over the limit is refused with 413 (Next would answer 500), one without a length with 411.
// - GET /health answers 503 when the database does not (asked through instrumentation.ts).
// - Responses are compressed here at the fastest level (gzip 1, nginx's default), not by Next at
//   gzip 6 (next.config.ts): measured on the 200-row Installers page (206 kB of HTML), 17.2 → 15.8 ms
//   a request for a response 18 % larger. Each part Next writes is compressed on this thread, not
//   in the thread pool (scripts/compress.mjs says why).
// - SIGTERM / SIGINT: stop taking connections, finish the requests in flight, let the outbox finish
//   the sends in progress and claim nothing more, then exit: a rolling restart loses nothing.
// - The JavaScript heap may grow to twice what survives a full collection, not up to four times
//   (V8's default under a high allocation rate): the server's memory stays flat under load.
//   Measured on the 200-row Installers page under 8 connections for 20 s: heap committed at most
//   184 MB instead of 409 MB, for the same share of time in garbage collection (9.2 % vs 8.9 %).
//   A --heap-growing-percent given to node wins.
// - An abort reason's stack is formatted when it is given (scripts/abort-reasons.mjs): otherwise each
//   render's finished cache signal keeps other requests alive, and what is live grows under load.
import { createServer } from "node:http";
import v8 from "node:v8";
import next from "next";
import { formatAbortReasonStacks } from "./abort-reasons.mjs";
import { compressResponses } from "./compress.mjs";
import { bodyRefusal, clientIp, FORWARDED_HEADERS, maybeServerAction, RELAYED_HEADER, relayedByProxy, sameOrigin, trustedHops } from "./front-door.mjs";

if (!process.execArgv.some((a) => a.startsWith("--heap-growing-percent"))) v8.setFlagsFromString("--heap-growing-percent=100");
formatAbortReasonStacks();

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const hops = trustedHops(process.env.TRUST_PROXY);
const configuredUrl = process.env.APP_URL || process.env.AUTH_URL;
const configuredOrigin = configuredUrl ? new URL(configuredUrl).origin : null;

function refuse(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end(text);
}

/** Reported to the audit log by instrumentation.ts, which runs in this process. */
function reportDenial(event) {
  const record = globalThis.__portalRecordDenial;
  if (typeof record === "function") record(event).catch((e) => console.error("[server] could not audit a denial", e));
}

// The address this server listens on, for the app's own decisions (the dev mailbox: lib/email/mailbox.ts).
process.env.PORTAL_BIND_HOST = host;
const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

let stopping = false;

const compress = compressResponses({ level: 1 });

const server = createServer(async (req, res) => {
  // While stopping, a kept-alive connection gets its answer and is then closed.
  if (stopping) res.setHeader("connection", "close");
  const ip = clientIp(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  const relayed = relayedByProxy(req.headers);
  if (!hops) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  req.headers["x-forwarded-for"] = ip;
  delete req.headers[RELAYED_HEADER];
  if (relayed) req.headers[RELAYED_HEADER] = "1";
  const tooLarge = bodyRefusal(req.method, req.headers["content-length"], req.headers["transfer-encoding"]);
  if (tooLarge === 411) return refuse(res, 411, "Length Required");
  if (tooLarge === 413) return refuse(res, 413, "The request is too large.");
  if (maybeServerAction(req.method, req.headers) && !sameOrigin(req.headers.origin, req.headers.host, configuredOrigin)) {
    reportDenial({ ip, detail: `server action from origin ${String(req.headers.origin ?? "(none)").slice(0, 200)}`, path: (req.url ?? "").slice(0, 200) });
    return refuse(res, 403, "Forbidden");
  }
  if ((req.method === "GET" || req.method === "HEAD") && (req.url === "/health" || req.url?.startsWith("/health?"))) {
    const databaseUp = globalThis.__portalDatabaseUp;
    if (typeof databaseUp === "function" && !(await databaseUp())) return refuse(res, 503, "The database is not answering.");
  }
  compress(req, res, () => handle(req, res));
}).listen(port, host, () => {
  console.log(`Dealer Portal listening on http://${host.includes(":") ? `[${host}]` : host}:${port}${hops ? ` (trusting ${hops} proxy hop${hops > 1 ? "s" : ""})` : ""}`);
});

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal}: finishing the requests in flight, then stopping`);
  // Requests still running after 25 s are cut off (a load balancer's drain time is usually 30 s).
  const force = setTimeout(() => server.closeAllConnections(), 25_000);
  force.unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  clearTimeout(force);
  const finish = globalThis.__portalShutdown;
  if (typeof finish === "function") await finish().catch((e) => console.error("[server] shutdown of the background work failed", e));
  console.log("[server] stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
