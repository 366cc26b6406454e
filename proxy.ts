// Runs before every page and action: a fresh CSP nonce per request. Next reads the policy from the
// request to put the nonce on its inline scripts; the browser gets the same policy.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const appUrl = process.env.APP_URL || process.env.AUTH_URL || "";
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https: appUrl.startsWith("https:") });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files carry no inline script; they get the other headers from next.config.ts.
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|manifest.webmanifest|favicon.ico).*)" }],
};
