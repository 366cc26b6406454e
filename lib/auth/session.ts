// The one place that reads the Auth.js session. Tests replace this module to act as any caller.
import { headers } from "next/headers";
import { auth } from "./auth";

export type SessionClaims = { userId: string; sessionVersion: number };

export async function readSession(): Promise<SessionClaims | null> {
  const session = await auth();
  const user = session?.user as { id?: string; sessionVersion?: number } | undefined;
  if (!user?.id || typeof user.sessionVersion !== "number") return null;
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

export async function requestIp(): Promise<string | null> {
  try {
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  } catch {
    return null;
  }
}
