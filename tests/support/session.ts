import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { normalizeEmail } from "@/lib/email-address";
import type { SessionClaims } from "@/lib/auth/session";
import { startUserSession } from "@/lib/auth/user-sessions";

export const session: { current: SessionClaims | null } = { current: null };

/** The address the calls come from (lib/auth/session's requestIp), the same for every test unless one says otherwise. */
export const callerAddress = { current: "203.0.113.7" };

/** Acts as the user with this email for the following calls; null acts as nobody. */
export async function actAs(email: string | null) {
  if (!email) {
    session.current = null;
    return null;
  }
  const user = await db.user.findUniqueOrThrow({ where: { email: normalizeEmail(email) } });
  session.current = { userId: user.id, sessionId: await startUserSession(user.id, "203.0.113.7"), sessionVersion: user.sessionVersion };
  return user;
}

/** A role with no permission at all, and an employee holding it, in the demo organization. */
export async function ensureNoPermissionEmployee(): Promise<string> {
  const email = "nobody@demo.test";
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return email;
  const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
  const role = await db.role.create({ data: { organizationId: org.id, name: "No access", allPanelGroups: true } });
  const user = await db.user.create({ data: { organizationId: org.id, email, kind: "EMPLOYEE" } });
  await db.employee.create({ data: { organizationId: org.id, userId: user.id, fullName: "Nobody Noaccess", email, phone: "", country: "US", roleId: role.id } });
  return email;
}

/** Every table of the data model (models are not renamed with @@map, so a model's name is its table's). */
export const ALL_TABLES: string[] = Object.values(Prisma.ModelName);

/** A fingerprint of every table except the audit log (denials are audited by design), sessions (every request may record activity) and rate limits (refusals are counted by design). */
const OUTBOX_DELIVERY_COLUMNS = new Set(["status", "transport", "attempts", "lastError", "nextAttemptAt", "sentAt", "leasedUntil", "html", "text"]);

export async function databaseFingerprint(): Promise<string> {
  const tables = ALL_TABLES.filter((t) => t !== "AuditEvent" && t !== "UserSession" && t !== "RateLimit");
  const parts: string[] = [];
  for (const t of tables) {
    const rows = (await db.$queryRawUnsafe(`SELECT * FROM "${t}"`)) as Record<string, unknown>[];
    // The outbox's delivery rounds run in the background, kicked by earlier tests: what they write
    // (the attempt, its error, the next try, the redacted body) is theirs, not the action's. A
    // message the action wrote still shows as a new row.
    const own = t === "OutboxMessage" ? (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !OUTBOX_DELIVERY_COLUMNS.has(k))) : (r: Record<string, unknown>) => r;
    const lines = rows.map((r) => JSON.stringify(own(r), (_k, v) => (typeof v === "bigint" ? v.toString() : v))).sort();
    parts.push(`${t}:${lines.join("|")}`);
  }
  return parts.join("\n");
}
