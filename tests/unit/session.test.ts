// The session cookie is read directly (not through auth()); these prove it accepts exactly what
// Auth.js issued for this request's cookie name, and nothing else.
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.unmock("@/lib/auth/session");
const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined) }),
}));

const { readSession, sessionToken } = await import("@/lib/auth/session");
const SECRET = process.env.AUTH_SECRET!;
const NAME = "authjs.session-token";
const SECURE = `__Host-${NAME}`;

async function issue(claims: Record<string, unknown>, salt = NAME, secret = SECRET, maxAge = 3600) {
  return encode({ token: claims, secret, salt, maxAge });
}

/** The app configured at an http or https URL (the cookie's name follows configuration, never a header). */
function on(proto: "http" | "https", cookies: Record<string, string>, forwardedProto?: string) {
  vi.stubEnv("APP_URL", `${proto}://portal.example.com`);
  request.headers = new Headers(forwardedProto ? { "x-forwarded-proto": forwardedProto } : {});
  request.cookies = new Map(Object.entries(cookies));
}

afterEach(() => vi.unstubAllEnvs());

describe("readSession", () => {
  it("returns the user id and session version of a token Auth.js issued", async () => {
    on("http", { [NAME]: await issue({ uid: "u1", sid: "s-u1", sv: 3, kind: "EMPLOYEE" }) });
    expect(await readSession()).toEqual({ userId: "u1", sessionId: "s-u1", sessionVersion: 3 });
  });

  it("reads the __Host- cookie when the app runs behind HTTPS and ignores the plain one there", async () => {
    on("https", { [SECURE]: await issue({ uid: "u2", sid: "s-u2", sv: 0 }, SECURE) });
    expect(await readSession()).toEqual({ userId: "u2", sessionId: "s-u2", sessionVersion: 0 });
    on("https", { [NAME]: await issue({ uid: "u2", sid: "s-u2", sv: 0 }) });
    expect(await readSession()).toBeNull();
  });

  it("ignores a forged X-Forwarded-Proto: only the configured URL decides the cookie", async () => {
    on("http", { [SECURE]: await issue({ uid: "u3", sid: "s-u3", sv: 1 }, SECURE) }, "https");
    expect(await readSession()).toBeNull();
    on("https", { [SECURE]: await issue({ uid: "u3", sid: "s-u3", sv: 1 }, SECURE) }, "http");
    expect(await readSession()).toEqual({ userId: "u3", sessionId: "s-u3", sessionVersion: 1 });
  });

  it("refuses a token without the server-side session it names", async () => {
    on("http", { [NAME]: await issue({ uid: "u1", sv: 0 }) });
    expect(await readSession()).toBeNull();
  });

  it("refuses a token moved to another cookie name (the name is the key's salt)", async () => {
    on("https", { [SECURE]: await issue({ uid: "u1", sid: "s-u1", sv: 0 }, NAME) });
    expect(await readSession()).toBeNull();
  });

  it("refuses a token made with another secret, a tampered one and an expired one", async () => {
    on("http", { [NAME]: await issue({ uid: "u1", sid: "s-u1", sv: 0 }, NAME, "another-secret-0123456789abcdef") });
    expect(await readSession()).toBeNull();
    const good = await issue({ uid: "u1", sid: "s-u1", sv: 0 });
    on("http", { [NAME]: good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA") });
    expect(await readSession()).toBeNull();
    on("http", { [NAME]: await issue({ uid: "u1", sid: "s-u1", sv: 0 }, NAME, SECRET, -60) });
    expect(await readSession()).toBeNull();
  });

  it("refuses tokens without the claims this app puts there, and no cookie at all", async () => {
    on("http", { [NAME]: await issue({ sub: "u1" }) });
    expect(await readSession()).toBeNull();
    on("http", { [NAME]: await issue({ uid: "u1", sv: "0" }) });
    expect(await readSession()).toBeNull();
    on("http", {});
    expect(await readSession()).toBeNull();
  });

  it("remembers a decoded token only until it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-11-24T12:00:00Z"));
      on("http", { [NAME]: await issue({ uid: "u5", sid: "s-u5", sv: 1 }, NAME, SECRET, 60) });
      expect(await readSession()).toEqual({ userId: "u5", sessionId: "s-u5", sessionVersion: 1 });
      expect(await readSession()).toEqual({ userId: "u5", sessionId: "s-u5", sessionVersion: 1 });
      vi.setSystemTime(new Date("2026-11-24T12:02:00Z"));
      expect(await readSession()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("joins a token Auth.js split into chunks", async () => {
    const token = await issue({ uid: "u4", sid: "s-u4", sv: 2 });
    const half = Math.floor(token.length / 2);
    on("http", { [`${NAME}.0`]: token.slice(0, half), [`${NAME}.1`]: token.slice(half) });
    expect(await readSession()).toEqual({ userId: "u4", sessionId: "s-u4", sessionVersion: 2 });
    expect(sessionToken(() => undefined, NAME)).toBeNull();
  });
});
