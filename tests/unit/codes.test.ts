import { describe, expect, it } from "vitest";
import { checkCode, CODE_TTL_MS, generateCode, hashCode, MAX_CODE_ATTEMPTS } from "@/lib/auth/codes";

const now = new Date("2026-05-05T12:00:00Z");
function stored(code: string, over: Partial<{ expiresAt: Date; attempts: number; usedAt: Date | null }> = {}) {
  return { codeHash: hashCode(code, "user-1", "PASSWORD_RESET"), expiresAt: new Date(now.getTime() + CODE_TTL_MS.PASSWORD_RESET), attempts: 0, usedAt: null, ...over };
}

describe("one-time codes", () => {
  it("are random digits and never stored in clear", () => {
    const a = generateCode();
    expect(a).toMatch(/^\d{8}$/);
    expect(new Set(Array.from({ length: 50 }, generateCode)).size).toBeGreaterThan(45);
    const h = hashCode(a, "user-1", "PASSWORD_RESET");
    expect(h).not.toContain(a);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });

  it("bind the hash to user and purpose", () => {
    expect(hashCode("12345678", "user-1", "PASSWORD_RESET")).not.toBe(hashCode("12345678", "user-2", "PASSWORD_RESET"));
    expect(hashCode("12345678", "user-1", "PASSWORD_RESET")).not.toBe(hashCode("12345678", "user-1", "INSTALLER_REGISTRATION"));
  });

  it("accept the right code with spaces or dashes", () => {
    expect(checkCode(stored("12345678"), "1234-5678", "user-1", "PASSWORD_RESET", now)).toBe("ok");
    expect(checkCode(stored("12345678"), "87654321", "user-1", "PASSWORD_RESET", now)).toBe("wrong");
  });

  it("expire: reset after 10 minutes, registration after 72 hours", () => {
    expect(CODE_TTL_MS.PASSWORD_RESET).toBe(10 * 60 * 1000);
    expect(CODE_TTL_MS.INSTALLER_REGISTRATION).toBe(72 * 60 * 60 * 1000);
    const later = new Date(now.getTime() + CODE_TTL_MS.PASSWORD_RESET + 1);
    expect(checkCode(stored("12345678"), "12345678", "user-1", "PASSWORD_RESET", later)).toBe("expired");
  });

  it("work once", () => {
    expect(checkCode(stored("12345678", { usedAt: now }), "12345678", "user-1", "PASSWORD_RESET", now)).toBe("used");
  });

  it("lock after five wrong tries, even for the right code", () => {
    expect(MAX_CODE_ATTEMPTS).toBe(5);
    expect(checkCode(stored("12345678", { attempts: 4 }), "12345678", "user-1", "PASSWORD_RESET", now)).toBe("ok");
    expect(checkCode(stored("12345678", { attempts: 5 }), "12345678", "user-1", "PASSWORD_RESET", now)).toBe("locked");
  });
});
