import "server-only";
// One-time codes: random, stored as a keyed hash, expiring, single use, attempt-limited.
// A new code of the same purpose replaces the old one (unique userId+purpose).
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { appSecret } from "../config";

export type CodePurposeName = "INSTALLER_REGISTRATION" | "PASSWORD_RESET" | "EMPLOYEE_SETUP" | "INVITATION" | "MOBILE_ACTIVATION";

export const CODE_TTL_MS: Record<CodePurposeName, number> = {
  INSTALLER_REGISTRATION: 72 * 60 * 60 * 1000,
  EMPLOYEE_SETUP: 72 * 60 * 60 * 1000,
  PASSWORD_RESET: 10 * 60 * 1000,
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  // The code texted to a customer's phone to activate the mobile app (seed 001).
  MOBILE_ACTIVATION: 10 * 60 * 1000,
};

export const MAX_CODE_ATTEMPTS = 5;
export const CODE_LENGTH = 8;
/** Texted codes are typed on a phone: 6 digits, as the mobile app asks for. */
export const SMS_CODE_LENGTH = 6;

export function generateCode(length = CODE_LENGTH): string {
  let code = "";
  for (let i = 0; i < length; i++) code += String(randomInt(0, 10));
  return code;
}

/** Users type codes with spaces or dashes; compare digits only. */
export function cleanCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function hashCode(code: string, userId: string, purpose: CodePurposeName): string {
  return createHmac("sha256", appSecret())
    .update(`${purpose}:${userId}:${cleanCode(code)}`)
    .digest("hex");
}

export type StoredCode = { codeHash: string; expiresAt: Date; attempts: number; usedAt: Date | null };
export type CodeCheck = "ok" | "wrong" | "expired" | "used" | "locked";

/** Pure decision on a presented code; the caller records attempts and use. */
export function checkCode(stored: StoredCode, presented: string, userId: string, purpose: CodePurposeName, now = new Date()): CodeCheck {
  if (stored.usedAt) return "used";
  if (stored.attempts >= MAX_CODE_ATTEMPTS) return "locked";
  if (stored.expiresAt.getTime() <= now.getTime()) return "expired";
  const a = Buffer.from(stored.codeHash, "hex");
  const b = Buffer.from(hashCode(presented, userId, purpose), "hex");
  return a.length === b.length && timingSafeEqual(a, b) ? "ok" : "wrong";
}

/** One message for every failure, so that responses never reveal whether an email exists. */
export const INVALID_CODE_MESSAGE = "The code is invalid or has expired. Request a new code and try again.";
