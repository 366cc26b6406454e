import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// Server actions are accepted only from the app's own origin: the configured URL's host (the
// front door, scripts/server.mjs, drops client X-Forwarded-Host, so Host is what Next compares).
const configuredUrl = process.env.APP_URL || process.env.AUTH_URL;

const nextConfig: NextConfig = {
  // Native modules must stay out of the server bundle.
  serverExternalPackages: ["argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "nodemailer"],
  poweredByHeader: false,
  // The front door (scripts/server.mjs) compresses, at a lower level than Next would.
  compress: false,
  // Every response, static files included; the CSP with its nonce comes from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  experimental: {
    authInterrupts: true,
    serverActions: { allowedOrigins: configuredUrl ? [new URL(configuredUrl).host] : [] },
  },
};

export default nextConfig;
