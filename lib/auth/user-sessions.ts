import "server-only";
// Server-side sessions: the session cookie names a UserSession row, and only a live row lets it in.
import { randomBytes } from "node:crypto";
import { db, type Tx } from "../db";
import { SESSION_MAX_AGE_S, SESSION_TOUCH_EVERY_MS } from "./session-rules";

/** Starts a session for a sign-in and returns its id (put in the session cookie). Ended sessions of the user are cleared. */
export async function startUserSession(userId: string, ip: string | null, options: { mfaPending?: boolean; viaLink?: boolean } = {}, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.userSession.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.userSession.create({
      data: {
        id,
        userId,
        ip,
        mfaPending: options.mfaPending ?? false,
        linkSignInAt: options.viaLink ? now : null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
      },
    }),
  ]);
  return id;
}

/** Sign-out: the cookie's session stops working at once, even where a copy of the cookie is kept. */
export async function endUserSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user but the one given (password change, "Sign out of all other sessions"). */
export async function endOtherSessions(tx: Tx, userId: string, keepSessionId: string | null): Promise<number> {
  const ended = await tx.userSession.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return ended.count;
}

/** Records activity; conditional, so of many requests at once only one writes. */
export async function touchUserSession(sessionId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - SESSION_TOUCH_EVERY_MS) } }, data: { lastSeenAt: now } });
}
