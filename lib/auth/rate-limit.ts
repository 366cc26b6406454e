import "server-only";
// Rate limits in the database (RateLimit), so they hold across app instances and restarts. Each key
// counts within a fixed window; failure limits also block for a growing delay. Counting is one
// atomic upsert, so concurrent requests cannot slip past a limit together.
import { db } from "../db";
import { CODE_ADDRESS, CODE_IP, delayAfterFailures, type FailurePolicy, type RequestPolicy } from "./rate-limit-rules";

export type Blocked = { blocked: false } | { blocked: true; waitMs: number; firstRefusal: boolean };

/** Starts a new window for the key when its window has passed. */
async function rollWindow(key: string, windowMs: number, now: Date) {
  await db.rateLimit.updateMany({ where: { key, windowStart: { lt: new Date(now.getTime() - windowMs) } }, data: { count: 0, windowStart: now, blockedUntil: null, refused: 0 } });
}

async function increment(key: string, windowMs: number, now: Date): Promise<{ count: number }> {
  await rollWindow(key, windowMs, now);
  return db.rateLimit.upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: { increment: 1 } }, select: { count: true } });
}

/** Whether any of the keys is blocked now; counts the refusal (only the first is worth an audit row). */
export async function checkBlocked(keys: string[], now = new Date()): Promise<Blocked> {
  const rows = await db.rateLimit.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } } });
  if (!rows.length) return { blocked: false };
  const waitMs = Math.max(...rows.map((r) => r.blockedUntil!.getTime() - now.getTime()));
  const first = rows.every((r) => r.refused === 0);
  await db.rateLimit.updateMany({ where: { key: { in: rows.map((r) => r.key) } }, data: { refused: { increment: 1 } } });
  return { blocked: true, waitMs, firstRefusal: first };
}

/** Counts a failure; once past the free ones, the key is blocked for a delay that doubles with each. */
export async function recordFailure(key: string, policy: FailurePolicy, now = new Date()): Promise<void> {
  const { count } = await increment(key, policy.windowMs, now);
  const delay = delayAfterFailures(count, policy);
  if (delay) await db.rateLimit.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + delay), refused: 0 } });
}

/** A success clears the key (the account's failures, not the address's). */
export async function clearLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

export type Allowance = { allowed: boolean; firstRefusal: boolean };

/** Counts a request; refused once the key has had its maximum in the window (firstRefusal: the one worth an audit row). */
export async function allowRequest(key: string, policy: RequestPolicy, now = new Date()): Promise<Allowance> {
  const { count } = await increment(key, policy.windowMs, now);
  return { allowed: count <= policy.max, firstRefusal: count === policy.max + 1 };
}

/** Rows of windows long past are of no use; called with the outbox's background round. */
export async function pruneRateLimits(now = new Date(), olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const gone = await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanMs) }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }] } });
  return gone.count;
}

/**
 * A code or link may be sent to this address now: at most 3 per address and 20 per caller address
 * in 15 minutes. The caller's address is counted first, so a flood of unknown emails from one
 * address stops creating rows once that address is over its limit.
 */
export async function allowCodeRequest(address: string, ip: string | null, now = new Date()): Promise<Allowance> {
  if (ip) {
    const byIp = await allowRequest(`code:ip:${ip}`, CODE_IP, now);
    if (!byIp.allowed) return byIp;
  }
  return allowRequest(`code:address:${address}`, CODE_ADDRESS, now);
}

export const CODE_REQUESTS_LIMITED = "A code was already sent to this address 3 times in the last 15 minutes. Wait a few minutes before sending another.";
