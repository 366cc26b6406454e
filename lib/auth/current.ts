import "server-only";
// Resolves the caller for every page and server action. The session the cookie names must exist
// (sign-out deletes it), be neither idle nor past 12 hours, and the user's session version must
// match (a bumped version cuts every session of the user off at once).
// One plain SQL query (the same on SQLite and PostgreSQL), read straight through the driver
// (lib/db-read.ts): Prisma's nested include made ~9 round trips and cost ~10× more, and even as a
// $queryRaw Prisma took 0.3 ms more than the statement, on every request.
import { cache } from "react";
import { readPrepared } from "../db-read";
import type { Actor, UserKindName } from "../access/actor";
import { isPermission } from "../access/permissions";
import { readSession, requestIp } from "./session";
import { needsTouch, sessionState } from "./session-rules";
import { rawDate } from "../db-values";
import { touchUserSession } from "./user-sessions";
import { missingPortalSteps } from "../portal/rules";

type UserRow = {
  id: string;
  organizationId: string;
  kind: UserKindName;
  email: string;
  sessionVersion: number | bigint;
  organizationName: string;
  employeeName: string | null;
  roleId: string | null;
  roleName: string | null;
  allPanelGroups: boolean | number | bigint | null;
  permissions: string | null;
  panelGroups: string | null;
  installerName: string | null;
  installerStatus: string | null;
  contactName: string | null;
  agentName: string | null;
  userName: string;
  disabledAt: Date | string | number | null;
  usergroupKind: string | null;
  contactId: string | null;
  agentId: string | null;
  sessionLastSeenAt: Date | string | number | null;
  sessionExpiresAt: Date | string | number | null;
  sessionMfaPending: boolean | number | bigint | null;
  requireMfa: boolean | number | bigint;
  emailSettingsSaved: boolean | number | bigint;
  mfaConfirmedAt: Date | string | number | null;
};

async function loadActor(): Promise<Actor | null> {
  const claims = await readSession();
  if (!claims) return null;
  // string_agg exists in PostgreSQL and in SQLite since 3.44; permission names and ids hold no commas.
  const [user] = await readPrepared<UserRow>`
    SELECT u."id", u."organizationId", u."kind", u."email", u."sessionVersion", o."name" AS "organizationName",
           e."fullName" AS "employeeName", r."id" AS "roleId", r."name" AS "roleName", r."allPanelGroups" AS "allPanelGroups",
           (SELECT string_agg(rp."permission", ',') FROM "RolePermission" rp WHERE rp."roleId" = r."id") AS "permissions",
           (SELECT string_agg(rg."panelGroupId", ',') FROM "RolePanelGroup" rg WHERE rg."roleId" = r."id") AS "panelGroups",
           i."name" AS "installerName", i."status" AS "installerStatus", c."name" AS "contactName", ag."name" AS "agentName",
           u."name" AS "userName", u."disabledAt" AS "disabledAt", ug."kind" AS "usergroupKind", c."id" AS "contactId", ag."id" AS "agentId",
           s."lastSeenAt" AS "sessionLastSeenAt", s."expiresAt" AS "sessionExpiresAt", s."mfaPending" AS "sessionMfaPending",
           o."requireMfa" AS "requireMfa", f."confirmedAt" AS "mfaConfirmedAt",
           EXISTS (SELECT 1 FROM "EmailSettings" es WHERE es."organizationId" = u."organizationId") AS "emailSettingsSaved"
    FROM "User" u
    LEFT JOIN "MfaFactor" f ON f."userId" = u."id"
    LEFT JOIN "UserSession" s ON s."id" = ${claims.sessionId} AND s."userId" = u."id"
    JOIN "Organization" o ON o."id" = u."organizationId"
    LEFT JOIN "Employee" e ON e."userId" = u."id"
    LEFT JOIN "Role" r ON r."id" = e."roleId"
    LEFT JOIN "Installer" i ON i."userId" = u."id"
    LEFT JOIN "Contact" c ON c."userId" = u."id"
    LEFT JOIN "Agent" ag ON ag."userId" = u."id"
    LEFT JOIN "Usergroup" ug ON ug."id" = u."usergroupId"
    WHERE u."id" = ${claims.userId}`;
  if (!user || Number(user.sessionVersion) !== claims.sessionVersion) return null;
  if (user.sessionLastSeenAt === null || user.sessionExpiresAt === null) return null; // signed out
  if (Number(user.sessionMfaPending)) return null; // the password was right, the second step is still to come
  const now = new Date();
  const lastSeenAt = rawDate(user.sessionLastSeenAt);
  if (sessionState({ lastSeenAt, expiresAt: rawDate(user.sessionExpiresAt) }, now) !== "active") return null;
  if (needsTouch(lastSeenAt, now)) await touchUserSession(claims.sessionId, now);
  if (user.kind === "INSTALLER" && user.installerStatus === "REJECTED") return null;
  if (user.disabledAt !== null) return null; // Logins → Disable
  // A portal login whose set-up is no longer complete (usergroup changed, contact unlinked) is signed out at once.
  if (
    (user.kind === "CUSTOMER" || user.kind === "AGENT") &&
    missingPortalSteps({ kind: user.kind, usergroupKind: user.usergroupKind, linked: !!(user.contactId || user.agentId), disabled: false }).length
  )
    return null;
  const permissions = new Set((user.permissions ?? "").split(",").filter(isPermission));
  const groups = new Set((user.panelGroups ?? "").split(",").filter(Boolean));
  const allGroups = !user.roleId || Boolean(Number(user.allPanelGroups));
  return {
    userId: user.id,
    organizationId: user.organizationId,
    organizationName: user.organizationName,
    kind: user.kind,
    email: user.email,
    name: user.employeeName ?? user.installerName ?? user.contactName ?? user.agentName ?? (user.userName || user.email),
    permissions,
    panelGroups: allGroups ? "all" : groups,
    roleId: user.roleId,
    roleName: user.roleName,
    sessionId: claims.sessionId,
    // The organization requires two-step verification and this employee has not set it up: no permission until they have.
    mfaSetupRequired: user.kind === "EMPLOYEE" && Boolean(Number(user.requireMfa)) && user.mfaConfirmedAt === null,
    emailSettingsSaved: Boolean(Number(user.emailSettingsSaved)),
    ip: await requestIp(),
  };
}

/** The caller of this request, or null when signed out or cut off. Cached per request. */
export const getActor = cache(loadActor);
