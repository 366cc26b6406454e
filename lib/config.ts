import "server-only";
// Environment read in one place.
export const DEFAULT_DATABASE_URL = "file:./.data/portal.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseProvider(url = databaseUrl()): "sqlite" | "postgresql" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

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
