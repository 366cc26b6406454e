// Cookie names and flags follow configuration, and a refused sign-in leaves no stack trace in the log.
import { afterEach, describe, expect, it, vi } from "vitest";
import { authCookies, sessionCookieName } from "@/lib/auth/cookies";
import { authLogger, SignInRefused } from "@/lib/auth/auth";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("session cookie", () => {
  it("is __Host-, Secure, HttpOnly and SameSite=Lax behind HTTPS", () => {
    vi.stubEnv("APP_URL", "https://portal.example.com");
    expect(sessionCookieName()).toBe("__Host-authjs.session-token");
    expect(authCookies().sessionToken.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
  });

  it("has no prefix and no Secure flag on plain HTTP (the demo on localhost)", () => {
    vi.stubEnv("APP_URL", "http://localhost:3000");
    expect(sessionCookieName()).toBe("authjs.session-token");
    expect(authCookies().sessionToken.options.secure).toBe(false);
  });
});

describe("the server log", () => {
  it("gets no stack trace for a refused sign-in, and does for a real error", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    authLogger.error(new SignInRefused("invalid"));
    authLogger.error(new SignInRefused("throttled:30000"));
    expect(log).not.toHaveBeenCalled();
    authLogger.error(new Error("database is down"));
    expect(log).toHaveBeenCalledTimes(1);
  });
});
