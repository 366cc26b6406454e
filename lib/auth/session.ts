import "server-only";
// The one place that reads the Auth.js session. Tests replace this module to act as any caller.
//
// Pages and actions read the session cookie directly (Auth.js's own `decode`, same secret, same
// cookie name and salt) instead of calling `auth()`: `auth()` runs the whole session endpoint,
// callbacks and a re-encryption for every call, ~4 ms of every request. The token's `exp` is
// checked by `decode`; the session it names (UserSession) and the user's session version are then
// checked against the database by getActor, which also ends idle sessions.
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { appSecret } from "../config";
import { sessionCookieName } from "./cookies";

export type SessionClaims = { userId: string; sessionId: string; sessionVersion: number };

/** The token, joined from Auth.js's chunks (`name.0`, `name.1`, …) when it was too large for one cookie. */
export function sessionToken(read: (name: string) => string | undefined, name: string): string | null {
  const whole = read(name);
  if (whole) return whole;
  let joined = "";
  for (let i = 0; ; i++) {
    const chunk = read(`${name}.${i}`);
    if (chunk === undefined) break;
    joined += chunk;
  }
  return joined || null;
}

// Decoding is several WebCrypto calls, and a session sends the same cookie on every request:
// tokens that decoded are remembered (by their exact text) until they expire.
const decoded = new Map<string, { claims: SessionClaims; expiresAt: number }>();
const DECODED_MAX = 2000;

export async function readSession(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const name = sessionCookieName();
  const token = sessionToken((n) => jar.get(n)?.value, name);
  if (!token) return null;
  const key = `${name} ${token}`;
  const known = decoded.get(key);
  if (known && known.expiresAt > Date.now()) return known.claims;
  decoded.delete(key);
  let payload: Record<string, unknown> | null;
  try {
    payload = await decode({ token, secret: appSecret(), salt: name });
  } catch {
    return null; // tampered, expired or signed with another secret
  }
  if (typeof payload?.uid !== "string" || typeof payload.sid !== "string" || typeof payload.sv !== "number" || typeof payload.exp !== "number") return null;
  const claims = { userId: payload.uid, sessionId: payload.sid, sessionVersion: payload.sv };
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, { claims, expiresAt: payload.exp * 1000 });
  return claims;
}

/**
 * The caller's address. scripts/server.mjs puts the socket's address in X-Forwarded-For (or, with
 * TRUST_PROXY, the address the trusted proxy saw) and drops whatever the client sent there.
 */
export async function requestIp(): Promise<string | null> {
  try {
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
  } catch {
    return null;
  }
}
