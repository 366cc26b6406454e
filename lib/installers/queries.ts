// Reads for the Installers page. Every function checks the actor first; rows of other
// organizations are never read, and look exactly like missing rows.
import { db } from "../db";
import { assertCan } from "../access/guard";
import { can, canGrant, NotFoundError, type Actor } from "../access/actor";
import { containsText } from "../db-text";
import { clampPage, parseGridState, type SearchParams } from "../grid";
import type { InstallerStatusName } from "./status";

export const INSTALLER_SORTS = ["name", "phone", "panels", "lastLogin", "created", "status"] as const;
export type InstallerSort = (typeof INSTALLER_SORTS)[number];
const SORT_COLUMN = { name: "name", phone: "phone", panels: "panelCount", lastLogin: "lastLoginAt", created: "createdAt", status: "status" } as const;

export type InstallerRow = {
  id: string;
  name: string;
  email: string;
  phone: string;
  panelCount: number;
  status: InstallerStatusName;
  createdAt: string;
  lastLoginAt: string | null;
};

function searchWhere(q: string) {
  if (!q) return {};
  const text = containsText(q);
  return { OR: [{ name: text }, { email: containsText(q.toLowerCase()) }, { phone: text }] };
}

export async function listInstallers(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "installers.view");
  const grid = parseGridState(params, { sorts: INSTALLER_SORTS, defaultSort: "created", defaultDir: "desc" });
  const where = { organizationId: a.organizationId, ...searchWhere(grid.q) };
  // The header count reads a counter; a search counts its matches.
  const [organizationTotal, total] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: a.organizationId }, select: { installerCount: true } }).then((o) => o.installerCount),
    grid.q ? db.installer.count({ where }) : null,
  ]);
  const matching = total ?? organizationTotal;
  const page = clampPage(grid.page, grid.size, matching);
  const column = SORT_COLUMN[grid.sort];
  const rows = await db.installer.findMany({
    where,
    orderBy: [{ [column]: grid.dir }, { id: grid.dir }],
    skip: (page - 1) * grid.size,
    take: grid.size,
    select: { id: true, name: true, email: true, phone: true, panelCount: true, status: true, createdAt: true, lastLoginAt: true },
  });
  return {
    rows: rows.map<InstallerRow>((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastLoginAt: r.lastLoginAt?.toISOString() ?? null })),
    organizationTotal,
    total: matching,
    page,
    size: grid.size,
    sort: grid.sort,
    dir: grid.dir,
    q: grid.q,
  };
}

export type InstallerPanelItem = { id: string; imei: string; accountCode: string; panelGroupId: string; panelGroupName: string; installerAppAccess: boolean };

export async function getInstallerDetails(actor: Actor | null, installerId: string) {
  const a = await assertCan(actor, "installers.view");
  const installer = await db.installer.findFirst({
    where: { id: installerId, organizationId: a.organizationId },
    include: { user: { select: { passwordHash: true } } },
  });
  if (!installer) throw new NotFoundError("The installer");
  let panels: InstallerPanelItem[] | null = null;
  let hiddenPanels = 0;
  if (can(a, "installers.viewPanels")) {
    const links = await db.installerPanel.findMany({
      where: { installerId, panel: a.panelGroups === "all" ? {} : { panelGroupId: { in: [...a.panelGroups] } } },
      include: { panel: { include: { panelGroup: { select: { name: true } } } } },
      orderBy: { createdAt: "asc" },
    });
    panels = links.map((l) => ({ id: l.panel.id, imei: l.panel.imei, accountCode: l.panel.accountCode, panelGroupId: l.panel.panelGroupId, panelGroupName: l.panel.panelGroup.name, installerAppAccess: l.panel.installerAppAccess }));
    hiddenPanels = Math.max(0, installer.panelCount - panels.length);
  }
  return {
    id: installer.id,
    name: installer.name,
    email: installer.email,
    phone: installer.phone,
    status: installer.status as InstallerStatusName,
    createdAt: installer.createdAt.toISOString(),
    lastLoginAt: installer.lastLoginAt?.toISOString() ?? null,
    panelCount: installer.panelCount,
    registrationCompleted: !!installer.user.passwordHash,
    panels,
    hiddenPanels,
  };
}
export type InstallerDetails = Awaited<ReturnType<typeof getInstallerDetails>>;

/** Panels the actor may assign: its organization's, in groups its role sees, not yet assigned. */
export async function listAssignablePanels(actor: Actor | null, installerId: string, q: string) {
  const a = await assertCan(actor, "installers.assignPanels");
  const installer = await db.installer.findFirst({ where: { id: installerId, organizationId: a.organizationId }, select: { id: true } });
  if (!installer) throw new NotFoundError("The installer");
  const panels = await db.panel.findMany({
    where: {
      organizationId: a.organizationId,
      ...(a.panelGroups === "all" ? {} : { panelGroupId: { in: [...a.panelGroups] } }),
      installers: { none: { installerId } },
      ...(q ? { OR: [{ imei: { startsWith: q } }, { accountCode: { startsWith: q.toUpperCase() } }] } : {}),
    },
    orderBy: { imei: "asc" },
    take: 50,
    include: { panelGroup: { select: { name: true } } },
  });
  return panels.map((p) => ({ id: p.id, imei: p.imei, accountCode: p.accountCode, panelGroupName: p.panelGroup.name }));
}

/** Roles the actor may give in a conversion: existing roles whose permissions it holds itself. */
export async function listRolesForConversion(actor: Actor | null) {
  const a = await assertCan(actor, "installers.convert");
  const roles = await db.role.findMany({ where: { organizationId: a.organizationId }, include: { permissions: true }, orderBy: { name: "asc" } });
  return roles.filter((r) => canGrant(a, r.permissions.map((p) => p.permission))).map((r) => ({ id: r.id, name: r.name }));
}
