// The outbox waits out a provider's rate limit up to the end of its round's budget, then reads
// the clock to decide whether the round is over (lib/email/outbox.ts): the wait must not end early.
import { describe, expect, it } from "vitest";
import { pauseUntil } from "@/lib/pause";

describe("pauseUntil", () => {
  it("never ends before Date.now() reaches the moment asked for", async () => {
    // A bare timer ended early in about 1 of 60 such waits.
    let early = 0;
    for (let i = 0; i < 500; i++) {
      const target = Date.now() + 2;
      await pauseUntil(target);
      if (Date.now() < target) early++;
    }
    expect(early).toBe(0);
  });

  it("returns at once for a moment already past", async () => {
    const started = Date.now();
    await pauseUntil(started - 1000);
    expect(Date.now() - started).toBeLessThan(20);
  });
});
