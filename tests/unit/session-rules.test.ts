import { describe, expect, it } from "vitest";
import { idleTimeoutMs, needsTouch, sessionState } from "@/lib/auth/session-rules";
import { rawDate } from "@/lib/db-values";

const at = (iso: string) => new Date(iso);

describe("sessionState", () => {
  const session = { lastSeenAt: at("2026-12-01T10:00:00Z"), expiresAt: at("2026-12-01T20:00:00Z") };

  it("is active while used within the idle timeout", () => {
    expect(sessionState(session, at("2026-12-01T10:29:59Z"), 30 * 60_000)).toBe("active");
  });

  it("ends after 30 minutes without a request", () => {
    expect(sessionState(session, at("2026-12-01T10:30:00Z"), 30 * 60_000)).toBe("idle");
  });

  it("ends at the absolute limit even when in use", () => {
    expect(sessionState({ ...session, lastSeenAt: at("2026-12-01T19:59:00Z") }, at("2026-12-01T20:00:00Z"), 30 * 60_000)).toBe("expired");
  });
});

describe("idle timeout setting", () => {
  it("is 30 minutes unless SESSION_IDLE_MINUTES says otherwise", () => {
    expect(idleTimeoutMs(undefined)).toBe(30 * 60_000);
    expect(idleTimeoutMs("5")).toBe(5 * 60_000);
    expect(idleTimeoutMs("nonsense")).toBe(30 * 60_000);
    expect(idleTimeoutMs("0")).toBe(30 * 60_000);
  });
});

describe("activity", () => {
  it("is written at most once a minute", () => {
    expect(needsTouch(at("2026-12-01T10:00:00Z"), at("2026-12-01T10:00:59Z"))).toBe(false);
    expect(needsTouch(at("2026-12-01T10:00:00Z"), at("2026-12-01T10:01:00Z"))).toBe(true);
  });

  it("reads a raw DATETIME from either database", () => {
    const d = at("2026-12-01T10:00:00Z");
    expect(rawDate(d)).toEqual(d);
    expect(rawDate(d.getTime())).toEqual(d);
    expect(rawDate(BigInt(d.getTime()))).toEqual(d);
    expect(rawDate("2026-12-01T10:00:00.000+00:00")).toEqual(d);
  });
});
