import "server-only";
// Environment read in one place.
export const DEFAULT_DATABASE_URL = "file:./.data/portal.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseProvider(url = databaseUrl()): "sqlite" | "postgresql" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/**
 * How both PostgreSQL pools (Prisma's in lib/db.ts, the readers' in lib/db-read.ts) keep their
 * connections. A new connection costs much more than its handshake: its backend plans with cold
 * catalogs, prepares the caller's query again, and takes a page fault on each shared buffer it
 * touches for the first time. Measured at a million installers: the "olivia smith" statement 72 ms
 * on a new connection against 8.5 ms on a used one; the page after 11 s of idleness (pg's default
 * closes a connection idle for 10 s) 147-186 ms against 30-37 ms back to back. An admin's clicks
 * are often that far apart, so idle connections are kept for 5 minutes; TCP keep-alive finds a
 * connection a network dropped without a word. allowExitOnIdle: an idle connection does not keep a
 * script (seed, bench, a test) running for those 5 minutes; the server closes both at shutdown.
 */
export const POSTGRES_POOL_OPTIONS = { idleTimeoutMillis: 5 * 60 * 1000, keepAlive: true, allowExitOnIdle: true } as const;

/** Secret behind sessions, code hashes and encryption of stored settings. */
export function appSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (secret && secret.length >= 16) return secret;
  if (process.env.NODE_ENV === "production" && !process.env.ALLOW_DEV_SECRET) {
    throw new Error("AUTH_SECRET must be set (at least 16 characters)");
  }
  return "dev-only-secret-do-not-use-in-production";
}

export function appUrl(): string {
  return (process.env.APP_URL || process.env.AUTH_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}
