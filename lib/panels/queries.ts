import "server-only";
// Panels and panel groups, only those in groups the actor's role can see (every screen,
// every dropdown, every URL): a group the role cannot see looks like a missing one.
import { db } from "../db";
import { assertCan } from "../access/guard";
import { canSeePanelGroup, NotFoundError, permissionFlags, type Actor } from "../access/actor";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { prefixRange } from "../installers/search";
import { tally } from "../tally";
import { visibleGroupWhere, visiblePanelWhere } from "./rules";

export const PANEL_SORTS = ["imei", "accountCode", "created"] as const;
const SORT_COLUMN = { imei: "imei", accountCode: "accountCode", created: "createdAt" } as const;

export type PanelRow = {
  id: string;
  imei: string;
  accountCode: string;
  panelGroupId: string;
  panelGroupName: string;
  siteName: string | null;
  installerAppAccess: boolean;
  installers: number;
  employees: number;
};

/** IMEI or account code starting with q: index range scans, not a table scan. */
function panelSearch(q: string) {
  if (!q) return {};
  return { OR: [{ imei: prefixRange(q) }, { accountCode: prefixRange(q.toUpperCase()) }] };
}

export async function listPanels(actor: Actor | null, params: SearchParams, panelGroupId?: string) {
  const a = await assertCan(actor, "panels.view");
  if (panelGroupId && !canSeePanelGroup(a, panelGroupId)) throw new NotFoundError("The panel group");
  const grid = parseGridState(params, { sorts: PANEL_SORTS, defaultSort: "imei", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, ...visiblePanelWhere(a), ...(panelGroupId ? { panelGroupId } : {}), ...panelSearch(grid.q) };
  return paginate(grid, {
    // Without a search the total is the sum of the groups' counters (kept by triggers on "Panel"):
    // no panel is read to count them.
    count: async () => {
      if (grid.q) return db.panel.count({ where });
      const groups = { organizationId: a.organizationId, ...visibleGroupWhere(a), ...(panelGroupId ? { id: panelGroupId } : {}) };
      return (await db.panelGroup.aggregate({ where: groups, _sum: { panelCount: true } }))._sum.panelCount ?? 0;
    },
    rows: async (window) => {
      const panels = await db.panel.findMany({
        where,
        orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.dir }, { id: grid.dir }],
        ...window,
        include: { panelGroup: { select: { name: true } }, site: { select: { name: true } } },
      });
      const ids = { panelId: { in: panels.map((p) => p.id) } };
      const [installers, employees] = await Promise.all([
        db.installerPanel.groupBy({ by: ["panelId"], where: ids, _count: { _all: true } }),
        db.employeePanel.groupBy({ by: ["panelId"], where: ids, _count: { _all: true } }),
      ]);
      const installersOf = tally(installers, "panelId");
      const employeesOf = tally(employees, "panelId");
      return panels.map<PanelRow>((p) => ({
        id: p.id,
        imei: p.imei,
        accountCode: p.accountCode,
        panelGroupId: p.panelGroupId,
        panelGroupName: p.panelGroup.name,
        siteName: p.site?.name ?? null,
        installerAppAccess: p.installerAppAccess,
        installers: installersOf(p.id),
        employees: employeesOf(p.id),
      }));
    },
  });
}

export async function listPanelGroups(actor: Actor | null) {
  const a = await assertCan(actor, "panels.view");
  const groups = await db.panelGroup.findMany({ where: { organizationId: a.organizationId, ...visibleGroupWhere(a) }, orderBy: { name: "asc" } });
  return groups.map((g) => ({ id: g.id, name: g.name, panels: g.panelCount }));
}

export async function getPanelGroup(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "panels.view");
  const group = await db.panelGroup.findFirst({ where: { id, organizationId: a.organizationId } });
  if (!group || !canSeePanelGroup(a, group.id)) throw new NotFoundError("The panel group");
  return { id: group.id, name: group.name };
}

/** Everything the Panels page shows. */
export async function loadPanelsPage(actor: Actor | null, params: SearchParams, panelGroupId?: string) {
  const a = await assertCan(actor, "panels.view");
  const [grid, groups, group] = await Promise.all([listPanels(a, params, panelGroupId), listPanelGroups(a), panelGroupId ? getPanelGroup(a, panelGroupId) : null]);
  return { grid, groups, group, permissions: permissionFlags(a, { manage: "panels.manage", manageGroups: "panelGroups.manage" }) };
}
export type PanelsPageData = Awaited<ReturnType<typeof loadPanelsPage>>;

/** A panel as the assigned-panels list of an installer or an employee shows it. */
export type AssignedPanel = { id: string; imei: string; accountCode: string; panelGroupId: string; panelGroupName: string; installerAppAccess: boolean };

/** What to include with an installer's or employee's panel links to show them as AssignedPanels. */
export const ASSIGNED_PANEL_INCLUDE = { panel: { include: { panelGroup: { select: { name: true } } } } } as const;

export function assignedPanel({ panel }: { panel: { id: string; imei: string; accountCode: string; panelGroupId: string; installerAppAccess: boolean; panelGroup: { name: string } } }): AssignedPanel {
  return { id: panel.id, imei: panel.imei, accountCode: panel.accountCode, panelGroupId: panel.panelGroupId, panelGroupName: panel.panelGroup.name, installerAppAccess: panel.installerAppAccess };
}
