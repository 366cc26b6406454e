import { beforeEach, vi } from "vitest";
import { callerAddress, session } from "./session";

// Server actions read the caller through lib/auth/session; tests choose the caller.
vi.mock("@/lib/auth/session", () => ({
  readSession: async () => session.current,
  requestIp: async () => callerAddress.current,
}));
// Outside a Next.js request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), refresh: vi.fn() }));

// Rate limits live in the database (and the anonymous denials' budget in the process) and every
// test calls from the same address: each test starts with none.
beforeEach(async () => {
  const { db } = await import("@/lib/db");
  await db.rateLimit.deleteMany({});
  delete (globalThis as { __portalAnonymousDenials?: unknown }).__portalAnonymousDenials;
  callerAddress.current = "203.0.113.7";
});
