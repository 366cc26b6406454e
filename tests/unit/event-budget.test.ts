// What anyone can cause without signing in (violation reports, signed-out or cross-origin calls) is
// written down within a budget: the log and the audit log must not grow with a flood.
import { describe, expect, it } from "vitest";
import { admitEvent, eventBudget, type Verdict } from "@/lib/security/budget";

function verdicts(admit: (key: string, now: number) => Verdict, key: string, count: number, now: number): Verdict[] {
  return Array.from({ length: count }, () => admit(key, now));
}

describe("eventBudget", () => {
  it("records a minute's allowance, then one notice, then nothing", () => {
    const admit = eventBudget(3);
    expect(verdicts(admit, "203.0.113.7", 500, 1_000_000)).toEqual(["record", "record", "record", "notice", ...Array(496).fill("drop")]);
  });

  it("starts again when the key's minute is over, and when the clock goes back", () => {
    const admit = eventBudget(2);
    expect(verdicts(admit, "a", 4, 1_000_000)).toEqual(["record", "record", "notice", "drop"]);
    expect(admit("a", 1_000_000 + 59_999)).toBe("drop");
    expect(verdicts(admit, "a", 3, 1_000_000 + 60_000)).toEqual(["record", "record", "notice"]);
    expect(admit("a", 999_000)).toBe("record");
  });

  it("keeps each key's count apart", () => {
    const admit = eventBudget(1);
    expect([admit("a", 0), admit("a", 0), admit("b", 0), admit("a", 0)]).toEqual(["record", "notice", "record", "drop"]);
  });

  it("stays within its number of keys when a flood comes from many addresses", () => {
    const admit = eventBudget(1, 100);
    for (let i = 0; i < 10_000; i++) expect(admit(`198.51.${i >> 8}.${i & 255}`, 5_000)).toBe("record");
    // Forgetting keys may let a key record again, never more than its allowance within what is kept.
    expect(verdicts(admit, "198.51.39.15", 3, 5_000)).toEqual(["notice", "drop", "drop"]);
  });
});

describe("admitEvent", () => {
  it("counts within a window and opens a new one after 60 s", () => {
    const first = admitEvent(undefined, 10, 1);
    expect(first).toEqual({ verdict: "record", window: { startedAt: 10, count: 1 } });
    expect(admitEvent(first.window, 60_009, 1).verdict).toBe("notice");
    expect(admitEvent(first.window, 60_010, 1)).toEqual({ verdict: "record", window: { startedAt: 60_010, count: 1 } });
  });
});
