// Resolves the caller for every page and server action. The session's version is checked
// against the database on each request, so a bumped version cuts a session off at once.
import { cache } from "react";
import { db } from "../db";
import type { Actor } from "../access/actor";
import { isPermission, type Permission } from "../access/permissions";
import { readSession, requestIp } from "./session";

async function loadActor(): Promise<Actor | null> {
  const claims = await readSession();
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    include: {
      organization: { select: { name: true } },
      employee: { include: { role: { include: { permissions: true, panelGroups: true } } } },
      installer: { select: { name: true, status: true } },
      contact: { select: { name: true } },
      agent: { select: { name: true } },
    },
  });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  if (user.kind === "INSTALLER" && user.installer?.status === "REJECTED") return null;
  const role = user.employee?.role;
  const permissions = new Set<Permission>(role ? role.permissions.map((p) => p.permission).filter(isPermission) : []);
  return {
    userId: user.id,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    kind: user.kind,
    email: user.email,
    name: user.employee?.fullName ?? user.installer?.name ?? user.contact?.name ?? user.agent?.name ?? user.email,
    permissions,
    panelGroups: !role || role.allPanelGroups ? "all" : new Set(role.panelGroups.map((g) => g.panelGroupId)),
    roleId: role?.id ?? null,
    roleName: role?.name ?? null,
    ip: await requestIp(),
  };
}

/** The caller of this request, or null when signed out or cut off. Cached per request. */
export const getActor = cache(loadActor);
