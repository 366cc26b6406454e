// The front door's decisions (scripts/server.mjs), pure so that tests/unit/front-door.test.ts checks them.

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const FORWARDED_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

/** Set by the front door on a request that came through a proxy (the client's own is dropped): lib/email/mailbox.ts. */
export const RELAYED_HEADER = "x-portal-relayed";

/**
 * Whether a proxy relayed the request: it names a client or a hop (X-Forwarded-*, Forwarded,
 * X-Real-IP, Via). A server listening on loopback behind a proxy on the same machine is reached
 * from anywhere, so "this machine only" holds only for requests that no proxy passed on.
 */
export function relayedByProxy(headers) {
  return [...FORWARDED_HEADERS, "via"].some((name) => headers[name] !== undefined);
}

/** TRUST_PROXY: unset/0/false trusts no proxy; true or 1 one; n that many. */
export function trustedHops(value) {
  if (!value || value === "0" || value === "false") return 0;
  if (value === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The caller's address: the socket's, or (behind trusted proxies) the one the outermost trusted proxy saw. */
export function clientIp(forwardedFor, socketIp, hops) {
  if (!hops) return socketIp ?? "";
  const chain = String(forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - hops] ?? chain[0] ?? socketIp ?? "";
}

/**
 * Whether a request may be a server action: a POST with Next's Next-Action header (a call from the
 * page's JavaScript), or a multipart form (a form's action posted without JavaScript, which names
 * its action in a `$ACTION_ID_…` field instead). The app takes no other multipart post, so any is
 * held to the same origin, whatever its path says (no path to normalize).
 */
export function maybeServerAction(method, headers) {
  if (method !== "POST") return false;
  if (headers["next-action"]) return true;
  return String(headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("multipart/form-data");
}

/** A server action is accepted only from the configured origin (or, without one, the Host it was sent to). */
export function sameOrigin(origin, host, configuredOrigin) {
  if (!origin) return false;
  try {
    const o = new URL(origin);
    if (configuredOrigin) return o.origin === configuredOrigin;
    return o.host === host;
  } catch {
    return false;
  }
}

/** 411 for a body without a length, 413 for one over the limit, else null. */
export function bodyRefusal(method, contentLength, transferEncoding, limit = BODY_LIMIT_BYTES) {
  if (method === "GET" || method === "HEAD") return null;
  if (contentLength === undefined && transferEncoding) return 411;
  if (Number(contentLength) > limit) return 413;
  return null;
}
