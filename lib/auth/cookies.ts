import "server-only";
// Cookie names and flags, decided by configuration only (never by a request header): behind HTTPS
// (APP_URL / AUTH_URL https) the session cookie is `__Host-` (Secure, Path=/, no Domain, so no
// subdomain can set or read it) and Auth.js's other cookies carry `__Secure-`/`__Host-`.
import { appUrl } from "../config";

const SESSION_COOKIE = "authjs.session-token";

export function secureCookies(): boolean {
  return appUrl().startsWith("https:");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Host-" : ""}${SESSION_COOKIE}`;
}

/** Auth.js's `cookies` option: the session token's name and flags (the others keep Auth.js's defaults for useSecureCookies). */
export function authCookies() {
  return {
    sessionToken: { name: sessionCookieName(), options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() } },
  };
}
