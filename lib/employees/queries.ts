import "server-only";
import { db } from "../db";
import { assertCan } from "../access/guard";
import { can, NotFoundError, permissionFlags, roleScope, roleWithin, type Actor } from "../access/actor";
import { containsText } from "../db-text";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { prefixRange } from "../installers/search";
import { visiblePanelWhere } from "../panels/rules";
import { ASSIGNED_PANEL_INCLUDE, assignedPanel } from "../panels/queries";

export const EMPLOYEE_SORTS = ["name", "phone", "country", "role", "panels", "lastLogin", "created"] as const;
type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];

function orderFor(sort: EmployeeSort, dir: "asc" | "desc") {
  const by = {
    name: { fullName: dir },
    phone: { phone: dir },
    country: { country: dir },
    role: { role: { name: dir } },
    panels: { panelCount: dir },
    lastLogin: { lastLoginAt: dir },
    created: { createdAt: dir },
  }[sort];
  return [by, { id: dir }];
}

export type EmployeeRow = {
  id: string;
  fullName: string;
  email: string;
  phone: string;
  country: string;
  roleId: string;
  roleName: string;
  roleBuiltIn: string | null;
  panelCount: number;
  lastLoginAt: string | null;
  createdAt: string;
  /** Their role has permissions or panel groups beyond the viewer's: shown, not changeable by them. */
  beyondYours: boolean;
};

const ROLE_SCOPE = { select: { name: true, builtIn: true, allPanelGroups: true, permissions: { select: { permission: true } }, panelGroups: { select: { panelGroupId: true } } } } as const;

export async function listEmployees(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "employees.view");
  const grid = parseGridState(params, { sorts: EMPLOYEE_SORTS, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, ...(grid.q ? { OR: [{ fullName: containsText(grid.q) }, { email: containsText(grid.q.toLowerCase()) }, { phone: containsText(grid.q) }] } : {}) };
  const page = await paginate(grid, {
    count: () => db.employee.count({ where }),
    rows: (window) => db.employee.findMany({ where, orderBy: orderFor(grid.sort, grid.dir), ...window, include: { role: ROLE_SCOPE } }),
  });
  return {
    ...page,
    rows: page.rows.map<EmployeeRow>((e) => ({
      id: e.id,
      fullName: e.fullName,
      email: e.email,
      phone: e.phone,
      country: e.country,
      roleId: e.roleId,
      roleName: e.role.name,
      roleBuiltIn: e.role.builtIn,
      panelCount: e.panelCount,
      lastLoginAt: e.lastLoginAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
      beyondYours: !roleWithin(a, roleScope(e.role)),
    })),
  };
}

export async function getEmployeeDetails(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "employees.view");
  const e = await db.employee.findFirst({ where: { id, organizationId: a.organizationId }, include: { role: ROLE_SCOPE } });
  if (!e) throw new NotFoundError("The employee");
  const links = await db.employeePanel.findMany({
    where: { employeeId: id, panel: visiblePanelWhere(a) },
    include: ASSIGNED_PANEL_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  const panels = links.map(assignedPanel);
  return {
    id: e.id,
    fullName: e.fullName,
    email: e.email,
    phone: e.phone,
    country: e.country,
    roleName: e.role.name,
    createdAt: e.createdAt.toISOString(),
    lastLoginAt: e.lastLoginAt?.toISOString() ?? null,
    panelCount: e.panelCount,
    panels,
    hiddenPanels: Math.max(0, e.panelCount - panels.length),
    beyondYours: !roleWithin(a, roleScope(e.role)),
  };
}
export type EmployeeDetails = Awaited<ReturnType<typeof getEmployeeDetails>>;

export async function listAssignablePanelsForEmployee(actor: Actor | null, employeeId: string, q: string) {
  const a = await assertCan(actor, "employees.assignPanels");
  if (!(await db.employee.findFirst({ where: { id: employeeId, organizationId: a.organizationId }, select: { id: true } }))) throw new NotFoundError("The employee");
  const panels = await db.panel.findMany({
    where: {
      organizationId: a.organizationId,
      ...visiblePanelWhere(a),
      employees: { none: { employeeId } },
      ...(q ? { OR: [{ imei: prefixRange(q) }, { accountCode: prefixRange(q.toUpperCase()) }] } : {}),
    },
    orderBy: { imei: "asc" },
    take: 50,
    include: { panelGroup: { select: { name: true } } },
  });
  return panels.map((p) => ({ id: p.id, imei: p.imei, accountCode: p.accountCode, panelGroupName: p.panelGroup.name }));
}

/** Roles the actor may give: within its own permissions and panel groups (the server checks again). */
export async function grantableRoles(actor: Actor) {
  const roles = await db.role.findMany({ where: { organizationId: actor.organizationId }, include: { permissions: true, panelGroups: true }, orderBy: { name: "asc" } });
  return roles.filter((r) => roleWithin(actor, roleScope(r))).map((r) => ({ id: r.id, name: r.name }));
}

export async function loadEmployeesPage(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "employees.view");
  const selectedId = typeof params.employee === "string" ? params.employee : null;
  const [grid, details, roles] = await Promise.all([
    listEmployees(a, params),
    selectedId ? getEmployeeDetails(a, selectedId).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))) : null,
    can(a, "employees.add") || can(a, "employees.editPrivilege") ? grantableRoles(a) : [],
  ]);
  return {
    grid,
    details,
    roles,
    selfId: (await db.employee.findFirst({ where: { userId: a.userId }, select: { id: true } }))?.id ?? null,
    permissions: permissionFlags(a, {
      add: "employees.add",
      edit: "employees.edit",
      editPrivilege: "employees.editPrivilege",
      resetPassword: "employees.resetPassword",
      delete: "employees.delete",
      assignPanels: "employees.assignPanels",
      resetMfa: "employees.resetMfa",
    }),
  };
}
export type EmployeesPageData = Awaited<ReturnType<typeof loadEmployeesPage>>;
