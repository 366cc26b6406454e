// The limits on sign-in and on code and link requests, and the growing delay: pure, unit-tested.

export type FailurePolicy = { windowMs: number; freeFailures: number; firstDelayMs: number; maxDelayMs: number };
export type RequestPolicy = { windowMs: number; max: number };

const MINUTE = 60_000;

/** Per account: 5 free failures, then 30 s, 1, 2, 4 … minutes, at most 15. The owner gets in after the delay. */
export const SIGN_IN_ACCOUNT: FailurePolicy = { windowMs: 15 * MINUTE, freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE };
/** Per address: password spraying across many accounts from one address. */
export const SIGN_IN_IP: FailurePolicy = { windowMs: 15 * MINUTE, freeFailures: 20, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE };
/** Codes and links per email address: at most 3 per 15 minutes. */
export const CODE_ADDRESS: RequestPolicy = { windowMs: 15 * MINUTE, max: 3 };
/** Codes and links per caller address, whatever the email. */
export const CODE_IP: RequestPolicy = { windowMs: 15 * MINUTE, max: 20 };

/** How long the next attempt must wait after the given number of failures in the window (0: no wait). */
export function delayAfterFailures(failures: number, policy: FailurePolicy): number {
  const over = failures - policy.freeFailures;
  if (over < 0) return 0;
  return Math.min(policy.firstDelayMs * 2 ** over, policy.maxDelayMs);
}

/** "30 seconds", "2 minutes": the wait, rounded up, for the person who has to wait. */
export function humanWait(ms: number): string {
  if (ms < 60_000) {
    const s = Math.max(1, Math.ceil(ms / 1000));
    return `${s} second${s === 1 ? "" : "s"}`;
  }
  const m = Math.ceil(ms / 60_000);
  return `${m} minute${m === 1 ? "" : "s"}`;
}
