import "server-only";
import { db, type Tx } from "../db";
import { checkCode, CODE_LENGTH, CODE_TTL_MS, generateCode, SMS_CODE_LENGTH, hashCode, type CodeCheck, type CodePurposeName } from "./codes";

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
 * Wrong tries are counted even when the caller's work fails. Use is conditional, so one code
 * can never be used twice, even by two requests at once.
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
  if (result === "wrong") {
    await db.oneTimeCode.updateMany({ where: { id: stored.id, usedAt: null }, data: { attempts: { increment: 1 } } });
    return { ok: false, reason: "wrong" };
  }
  if (result !== "ok") return { ok: false, reason: result };
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
