// Sessions end on the server: sign-out deletes the session the cookie names (a copied cookie is
// useless afterwards), an unused session ends after the idle timeout, none outlives 12 hours, and
// "Sign out of all other sessions" ends every other browser of the user at once.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { signOutAction, signOutOtherSessionsAction } from "@/app/(admin)/actions";
import { installerSignOutAction } from "@/app/installer/actions";
import { startUserSession } from "@/lib/auth/user-sessions";
import { actAs, session } from "../support/session";

// Auth.js's signOut clears the cookie and redirects; outside a request it has nothing to clear.
vi.mock("@/lib/auth/auth", () => ({ signOut: vi.fn(async () => undefined), signIn: vi.fn() }));

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("sessions", () => {
  it("sign-out ends the session on the server, so a copy of the cookie no longer works", async () => {
    await actAs("admin@demo.test");
    const copied = session.current!;
    expect(await getActor()).not.toBeNull();
    expect((await signOutAction()).ok).toBe(true);
    session.current = copied; // the copied cookie, presented again
    expect(await getActor()).toBeNull();
    expect(await db.userSession.findUnique({ where: { id: copied.sessionId } })).toBeNull();
  });

  it("ends the installer app's session the same way", async () => {
    await actAs("liam.smith@installers.test");
    const copied = session.current!;
    expect(await getActor()).not.toBeNull();
    await installerSignOutAction();
    session.current = copied;
    expect(await getActor()).toBeNull();
  });

  it("ends a session unused for 30 minutes and records activity of a live one", async () => {
    await actAs("manager@demo.test");
    const id = session.current!.sessionId;
    await db.userSession.update({ where: { id }, data: { lastSeenAt: minutesAgo(29) } });
    expect(await getActor()).not.toBeNull();
    const touched = await db.userSession.findUniqueOrThrow({ where: { id } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(10_000);
    await db.userSession.update({ where: { id }, data: { lastSeenAt: minutesAgo(31) } });
    expect(await getActor()).toBeNull();
  });

  it("follows SESSION_IDLE_MINUTES", async () => {
    vi.stubEnv("SESSION_IDLE_MINUTES", "5");
    try {
      await actAs("manager@demo.test");
      await db.userSession.update({ where: { id: session.current!.sessionId }, data: { lastSeenAt: minutesAgo(6) } });
      expect(await getActor()).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("ends every session at its absolute limit, however active", async () => {
    await actAs("manager@demo.test");
    await db.userSession.update({ where: { id: session.current!.sessionId }, data: { expiresAt: minutesAgo(1) } });
    expect(await getActor()).toBeNull();
  });

  it("refuses a session id that belongs to another user", async () => {
    const manager = await actAs("manager@demo.test");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
    session.current = { userId: admin.id, sessionId: session.current!.sessionId, sessionVersion: admin.sessionVersion };
    expect(manager).not.toBeNull();
    expect(await getActor()).toBeNull();
  });

  it("signs out of all other sessions and keeps this one", async () => {
    const user = await actAs("admin@demo.test");
    const elsewhere = await startUserSession(user!.id, "198.51.100.9");
    const here = session.current!;
    const result = await signOutOtherSessionsAction();
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^Signed out of \d+ other sessions?\.$/) });
    expect(await getActor()).not.toBeNull();
    session.current = { ...here, sessionId: elsewhere };
    expect(await getActor()).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_out_other_sessions", actorUserId: user!.id }, orderBy: { createdAt: "desc" } });
    expect(audit.outcome).toBe("SUCCESS");
  });
});
