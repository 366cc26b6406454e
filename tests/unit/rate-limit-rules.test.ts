import { describe, expect, it } from "vitest";
import { delayAfterFailures, humanWait, SIGN_IN_ACCOUNT } from "@/lib/auth/rate-limit-rules";

describe("growing delay", () => {
  it("lets 5 failures pass, then waits 30 s and doubles up to 15 minutes", () => {
    expect([1, 4, 5, 6, 7, 8].map((n) => delayAfterFailures(n, SIGN_IN_ACCOUNT))).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000]);
    expect(delayAfterFailures(40, SIGN_IN_ACCOUNT)).toBe(15 * 60_000);
  });

  it("is worded for the person who waits, rounded up", () => {
    expect(humanWait(400)).toBe("1 second");
    expect(humanWait(30_000)).toBe("30 seconds");
    expect(humanWait(61_000)).toBe("2 minutes");
  });
});
