import "server-only";
// Rate limits in the database (RateLimit), so they hold across app instances and restarts. Each key
// counts within a fixed window; failure limits also block for a growing delay. Counting is one
// atomic upsert, so concurrent requests cannot slip past a limit together; attempts at a secret are
// counted before they are judged (claimAttempt), for the same reason.
import { db } from "../db";
import { isUniqueViolation } from "../db-values";
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

/** Counts the refusal of a blocked key (only the first is worth an audit row). */
async function refuse(row: { key: string; blockedUntil: Date; refused: number }, now: Date): Promise<Blocked & { blocked: true }> {
  await db.rateLimit.updateMany({ where: { key: row.key }, data: { refused: { increment: 1 } } });
  return { blocked: true, waitMs: Math.max(1000, row.blockedUntil.getTime() - now.getTime()), firstRefusal: row.refused === 0 };
}

/** An attempt counted before it is judged: what `giveBackAttempt` needs to undo it (the delay it set, if any). */
export type Attempt = { key: string; block: { count: number; until: Date } | null };
export type Claimed = { blocked: false; attempt: Attempt } | (Blocked & { blocked: true });

/** Compare-and-set rounds before a key this contended is treated as a burst and refused. */
const CLAIM_ROUNDS = 8;

const notBlocked = (now: Date) => ({ OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] });

/** The key's first attempt: false when another request created the row first. */
async function createdFirst(key: string, blockedUntil: Date | null, now: Date): Promise<boolean> {
  try {
    await db.rateLimit.create({ data: { key, count: 1, windowStart: now, blockedUntil } });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/**
 * Counts an attempt (a password, an authenticator code) before it is checked, so that a burst of
 * concurrent guesses cannot all pass while the first ones are still being judged: at most the free
 * attempts run before the key blocks, and the attempt that reaches the limit sets the delay itself.
 * A free attempt is one conditional increment; a place that sets a delay is a compare-and-set on
 * the count, so only one request takes it. A wrong attempt is then already recorded; a right one
 * clears the key or gives its place back.
 */
export async function claimAttempt(key: string, policy: FailurePolicy, now = new Date()): Promise<Claimed> {
  await rollWindow(key, policy.windowMs, now);
  for (let round = 0; round < CLAIM_ROUNDS; round++) {
    const free = await db.rateLimit.updateMany({ where: { key, count: { lt: policy.freeFailures - 1 }, ...notBlocked(now) }, data: { count: { increment: 1 } } });
    if (free.count === 1) return { blocked: false, attempt: { key, block: null } };
    const row = await db.rateLimit.findUnique({ where: { key } });
    if (row?.blockedUntil && row.blockedUntil > now) return refuse({ ...row, blockedUntil: row.blockedUntil }, now);
    const count = (row?.count ?? 0) + 1;
    const delay = delayAfterFailures(count, policy);
    const until = delay ? new Date(now.getTime() + delay) : null;
    const taken = row
      ? (await db.rateLimit.updateMany({ where: { key, count: row.count, windowStart: row.windowStart, ...notBlocked(now) }, data: until ? { count, blockedUntil: until, refused: 0 } : { count } }))
          .count === 1
      : await createdFirst(key, until, now);
    if (taken) return { blocked: false, attempt: { key, block: until && { count, until } } };
  }
  // Lost every round to other attempts on the same key at the same moment: that is a burst.
  return { blocked: true, waitMs: 1000, firstRefusal: false };
}

/**
 * Claims one attempt on each key, in order: refused as soon as one is blocked, giving back the
 * places already taken (an attempt that never ran is not a failure).
 */
export async function claimAttempts(claims: { key: string; policy: FailurePolicy }[], now = new Date()): Promise<{ blocked: false; attempts: Attempt[] } | (Blocked & { blocked: true })> {
  const attempts: Attempt[] = [];
  for (const { key, policy } of claims) {
    const claimed = await claimAttempt(key, policy, now);
    if (claimed.blocked) {
      for (const attempt of attempts) await giveBackAttempt(attempt);
      return claimed;
    }
    attempts.push(claimed.attempt);
  }
  return { blocked: false, attempts };
}

/**
 * Gives back a claimed attempt that turned out right (the address's count of a shared office, a
 * right password for a login that is then refused for another reason). When the attempt set the
 * delay itself, nobody else can have counted since, and the delay goes with it.
 */
export async function giveBackAttempt(attempt: Attempt): Promise<void> {
  const { key, block } = attempt;
  if (block) await db.rateLimit.updateMany({ where: { key, count: block.count, blockedUntil: block.until }, data: { count: block.count - 1, blockedUntil: null } });
  else await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
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
