import "server-only";
import argon2 from "argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { RuleError } from "../actions/result";

// argon2id with OWASP's recommended memory cost (19 MiB, t=2).
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check so that timing does not reveal unknown accounts.
    await argon2.hash(password, OPTIONS);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// zxcvbn-ts's list of the ~49,000 most common passwords (a maintained package, not a hand-typed list).
let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE = "This password is one of the most common ones and easy to guess. Choose another.";

/** Refuses a new password the schema cannot judge on the client: one of the most common. */
export function assertUsablePassword(password: string, field = "password"): void {
  if (isCommonPassword(password)) throw new RuleError(COMMON_PASSWORD_MESSAGE, { [field]: COMMON_PASSWORD_MESSAGE });
}
