// Two-step verification rules that need no database: recovery codes and time steps (unit-tested).
import { randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
/** TOTP: 30-second steps, 6 digits, SHA-1: what every authenticator app supports. */
export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** One step either side, for clocks that are a little off. */
export const TOTP_WINDOW = 1;

// No 0/O or 1/I/L: recovery codes are read off paper.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** "7KQ4-MZ2P-X9RA": 12 characters from 31, about 59 bits. */
export function generateRecoveryCode(): string {
  let raw = "";
  for (let i = 0; i < 12; i++) raw += ALPHABET[randomInt(0, ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** How a typed recovery code is compared: no dashes or spaces, upper case. */
export function normalizeRecoveryCode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

/** Whether a typed code looks like an authenticator code (6 digits) rather than a recovery code. */
export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ""));
}

/** The 30-second step a moment falls in. */
export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_S);
}

/** A code's step may be used once: a step at or before the last used one is a replay. */
export function isReplay(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep !== null && step <= lastUsedStep;
}
