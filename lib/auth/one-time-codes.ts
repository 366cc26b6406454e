import "server-only";
import { db, type Tx } from "../db";
import { checkCode, CODE_LENGTH, CODE_TTL_MS, generateCode, MAX_CODE_ATTEMPTS, SMS_CODE_LENGTH, hashCode, type CodeCheck, type CodePurposeName } from "./codes";

/** A new code within this time of the last one keeps its wrong tries: asking again does not buy 5 more guesses. */
export const ATTEMPTS_CARRY_MS = 15 * 60 * 1000;

/** Issues a fresh code for the user and purpose, replacing any earlier one. Returns the plain code. */
export async function issueCode(tx: Tx, userId: string, purpose: CodePurposeName, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  const code = generateCode(purpose === "MOBILE_ACTIVATION" ? SMS_CODE_LENGTH : CODE_LENGTH);
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS[purpose]);
  const earlier = await tx.oneTimeCode.findUnique({ where: { userId_purpose: { userId, purpose } }, select: { attempts: true, createdAt: true, usedAt: true } });
  const attempts = earlier && !earlier.usedAt && now.getTime() - earlier.createdAt.getTime() < ATTEMPTS_CARRY_MS ? earlier.attempts : 0;
  const data = { codeHash: hashCode(code, userId, purpose), expiresAt, attempts, usedAt: null, createdAt: now };
  await tx.oneTimeCode.upsert({ where: { userId_purpose: { userId, purpose } }, create: { userId, purpose, ...data }, update: data });
  return { code, expiresAt };
}

/**
 * Checks a presented code and, when right, marks it used in the same transaction as `onValid`.
 * Every try is counted (a right one too, which ends the code anyway), even when the caller's work
 * fails. Use is conditional, so one code can never be used twice, even by two requests at once.
 */
export async function consumeCode<T>(
  userId: string | null,
  purpose: CodePurposeName,
  presented: string,
  onValid: (tx: Tx) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; reason: CodeCheck | "unknown" }> {
  if (!userId) return { ok: false, reason: "unknown" };
  const stored = await db.oneTimeCode.findUnique({ where: { userId_purpose: { userId, purpose } } });
  if (!stored) return { ok: false, reason: "unknown" };
  const result = checkCode(stored, presented, userId, purpose);
  if (result !== "ok" && result !== "wrong") return { ok: false, reason: result };
  // The try is counted before its verdict counts, and only while tries are left: concurrent guesses
  // that all read the same count cannot get more than MAX_CODE_ATTEMPTS between them.
  const counted = await db.oneTimeCode.updateMany({
    where: { id: stored.id, codeHash: stored.codeHash, usedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) return { ok: false, reason: "locked" }; // or used or replaced meanwhile
  if (result === "wrong") return { ok: false, reason: "wrong" };
  try {
    const value = await db.$transaction(async (tx) => {
      const claimed = await tx.oneTimeCode.updateMany({
        where: { id: stored.id, usedAt: null, codeHash: stored.codeHash },
        data: { usedAt: new Date() },
      });
      if (claimed.count !== 1) throw new CodeAlreadyUsed();
      return onValid(tx);
    });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof CodeAlreadyUsed) return { ok: false, reason: "used" };
    throw e;
  }
}

class CodeAlreadyUsed extends Error {}
