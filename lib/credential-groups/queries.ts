import "server-only";
// Credential groups: the list and a group's page.
import { db } from "../db";
import { assertCan } from "../access/guard";
import { NotFoundError, permissionFlags, type Actor } from "../access/actor";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { groupCanBeChanged, installerModeOn, siteCanBeChanged } from "../sites/rules";

export async function listCredentialGroups(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "credentialGroups.view");
  const grid = parseGridState(params, { sorts: ["name"] as const, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId };
  const page = await paginate(grid, {
    count: () => db.credentialGroup.count({ where }),
    rows: (window) =>
      db.credentialGroup.findMany({
        where,
        orderBy: [{ name: grid.dir }, { id: grid.dir }],
        ...window,
        include: { sites: { select: { installerMode: true, installerModeUntil: true, status: true } } },
      }),
  });
  return { ...page, rows: page.rows.map((g) => ({ id: g.id, name: g.name, sites: g.sites.length, inInstallerMode: g.sites.filter((s) => installerModeOn(s)).length })) };
}

export async function getCredentialGroup(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "credentialGroups.view");
  const g = await db.credentialGroup.findFirst({
    where: { id, organizationId: a.organizationId },
    include: { sites: { orderBy: { name: "asc" }, include: { customer: { select: { name: true } } } } },
  });
  if (!g) throw new NotFoundError("The credential group");
  return {
    id: g.id,
    name: g.name,
    sites: g.sites.map((s) => ({
      id: s.id,
      name: s.name,
      customer: s.customer.name,
      status: s.status,
      installerMode: installerModeOn(s),
      installerModeUntil: installerModeOn(s) ? s.installerModeUntil : null,
      configVersion: s.configVersion,
      canBeChanged: siteCanBeChanged(s),
    })),
    canBeChanged: groupCanBeChanged(g.sites),
    permissions: permissionFlags(a, { rename: "credentialGroups.manage" }),
  };
}
