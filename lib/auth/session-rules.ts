// When a signed-in browser's session ends: pure, so the rule is unit-tested without a clock.

/** The absolute lifetime of a session, whatever its activity. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;
/** lastSeenAt is written at most this often per session: a write on every request would cost every page. */
export const SESSION_TOUCH_EVERY_MS = 60_000;

/** Minutes without a request after which a session ends (SESSION_IDLE_MINUTES, default 30). */
export function idleTimeoutMs(env: string | undefined = process.env.SESSION_IDLE_MINUTES): number {
  const minutes = Number(env);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 30) * 60_000;
}

export type SessionState = "active" | "idle" | "expired";

export function sessionState(session: { lastSeenAt: Date; expiresAt: Date }, now: Date, idleMs = idleTimeoutMs()): SessionState {
  if (session.expiresAt.getTime() <= now.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMs) return "idle";
  return "active";
}

/** Whether this request should record activity (at most once per SESSION_TOUCH_EVERY_MS). */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_EVERY_MS;
}
