import "server-only";
// Sites: the grid (with the user's chosen columns) and a site's page.
import { db } from "../db";
import { tally } from "../tally";
import { assertCan } from "../access/guard";
import { NotFoundError, permissionFlags, type Actor } from "../access/actor";
import { containsText } from "../db-text";
import { paginate, parseGridState, type SearchParams } from "../grid";
import { visiblePanelWhere } from "../panels/rules";
import { credentialChangeRefusal, credentialMenuFor, installerModeOn, installerModeOnWhere, siteCanBeChanged, type CredentialMenuItem } from "./rules";
import { DEFAULT_SITE_COLUMNS, SITE_COLUMNS, type CustomerOption, type SiteColumn } from "./schemas";
import { SEARCHED_CHOICES } from "../search-choices";

export const SITE_SORTS = ["name", "status", "created"] as const;
const SORT_COLUMN = { name: "name", status: "status", created: "createdAt" } as const;

async function siteColumns(userId: string): Promise<SiteColumn[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { preferences: true } });
  try {
    const cols = (JSON.parse(user?.preferences ?? "{}") as { siteColumns?: string[] }).siteColumns;
    const valid = (cols ?? []).filter((c): c is SiteColumn => (SITE_COLUMNS as readonly string[]).includes(c));
    return valid.length ? valid : DEFAULT_SITE_COLUMNS;
  } catch {
    return DEFAULT_SITE_COLUMNS;
  }
}

export async function listSites(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "sites.view");
  const grid = parseGridState(params, { sorts: SITE_SORTS, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, ...(grid.q ? { OR: [{ name: containsText(grid.q) }, { address: containsText(grid.q) }] } : {}) };
  const [page, columns] = await Promise.all([
    paginate(grid, {
      count: () => db.site.count({ where }),
      rows: async (window) => {
        const sites = await db.site.findMany({
          where,
          orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.dir }, { id: grid.dir }],
          ...window,
          include: { customer: { select: { name: true } }, credentialGroup: { select: { id: true, name: true } } },
        });
        const panelsOf = tally(await db.panel.groupBy({ by: ["siteId"], where: { siteId: { in: sites.map((s) => s.id) } }, _count: { _all: true } }), "siteId");
        return sites.map((s) => ({ ...s, panels: panelsOf(s.id) }));
      },
    }),
    siteColumns(a.userId),
  ]);
  return {
    ...page,
    rows: page.rows.map((s) => ({
      id: s.id,
      name: s.name,
      customerId: s.customerId,
      customer: s.customer.name,
      address: s.address,
      status: s.status,
      installerMode: installerModeOn(s),
      installerModeUntil: installerModeOn(s) ? s.installerModeUntil : null,
      credentialGroupId: s.credentialGroup?.id ?? null,
      credentialGroup: s.credentialGroup?.name ?? null,
      panels: s.panels,
    })),
    columns,
    permissions: permissionFlags(a, { manage: "sites.manage" }),
  };
}
export type SitesPageData = Awaited<ReturnType<typeof listSites>>;

/**
 * The customers Add site offers, searched by name or account number as the admin types: a dealer's
 * customers run to tens of thousands, so the form never loads them all (it did, with every Sites page).
 */
export async function searchSiteCustomers(actor: Actor | null, q: string): Promise<CustomerOption[]> {
  const a = await assertCan(actor, "sites.manage");
  return db.customer.findMany({
    where: { organizationId: a.organizationId, ...(q ? { OR: [{ name: containsText(q) }, { accountNumber: containsText(q) }] } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SEARCHED_CHOICES,
    select: { id: true, name: true, accountNumber: true },
  });
}

export async function getSite(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "sites.view");
  const site = await db.site.findFirst({
    where: { id, organizationId: a.organizationId },
    include: {
      customer: { select: { id: true, name: true, contacts: { select: { id: true, name: true, email: true }, orderBy: { name: "asc" } } } },
      keyAccountHolder: { select: { name: true, email: true } },
      credentialGroup: { include: { sites: { select: { id: true, name: true, installerMode: true, installerModeUntil: true, status: true } } } },
      panels: { where: visiblePanelWhere(a), include: { panelGroup: { select: { name: true } } }, orderBy: { imei: "asc" } },
      contacts: { include: { contact: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!site) throw new NotFoundError("The site");
  const people = site.contacts.map((c) => c.contact);
  const credentials = await db.credential.findMany({
    where: {
      organizationId: a.organizationId,
      contactId: { in: people.map((p) => p.id) },
      OR: [{ siteId: site.id }, ...(site.credentialGroupId ? [{ credentialGroupId: site.credentialGroupId }] : [])],
    },
    orderBy: [{ status: "asc" }, { issuedAt: "desc" }],
  });
  // The groups the site may join, with how many sites each has and how many are in Installer Mode:
  // counted, not read site by site (a dealer's groups hold thousands of sites between them).
  const groups = await db.credentialGroup.findMany({
    where: { organizationId: a.organizationId, ...(site.credentialGroupId ? { NOT: { id: site.credentialGroupId } } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const groupIds = groups.map((g) => g.id);
  const [sitesIn, inInstallerModeIn] = await Promise.all([
    db.site.groupBy({ by: ["credentialGroupId"], where: { credentialGroupId: { in: groupIds } }, _count: { _all: true } }),
    db.site.groupBy({ by: ["credentialGroupId"], where: { credentialGroupId: { in: groupIds }, ...installerModeOnWhere() }, _count: { _all: true } }),
  ]);
  const sitesOf = tally(sitesIn, "credentialGroupId");
  const inInstallerModeOf = tally(inInstallerModeIn, "credentialGroupId");
  const state = { status: site.status, installerMode: site.installerMode, installerModeUntil: site.installerModeUntil, credentialGroupId: site.credentialGroupId };
  const menu = credentialMenuFor(state).map((item: CredentialMenuItem) => ({ item, refusal: credentialChangeRefusal(a, item, state) }));
  return {
    id: site.id,
    name: site.name,
    customer: { id: site.customer.id, name: site.customer.name },
    customerContacts: site.customer.contacts,
    address: site.address,
    country: site.country,
    timeZone: site.timeZone,
    status: site.status,
    installerMode: installerModeOn(site),
    installerModeUntil: installerModeOn(site) ? site.installerModeUntil : null,
    configVersion: site.configVersion,
    keyAccountHolderId: site.keyAccountHolderId,
    keyAccountHolder: site.keyAccountHolder,
    credentialGroup: site.credentialGroup ? { id: site.credentialGroup.id, name: site.credentialGroup.name, sites: site.credentialGroup.sites } : null,
    panels: site.panels.map((p) => ({ id: p.id, imei: p.imei, accountCode: p.accountCode, group: p.panelGroup.name })),
    people: people.map((p) => ({
      ...p,
      role: site.contacts.find((c) => c.contactId === p.id)!.role,
      credentials: credentials
        .filter((c) => c.contactId === p.id)
        .map((c) => ({ id: c.id, type: c.type, scope: c.siteId ? "This site" : `Group ${site.credentialGroup?.name ?? ""}`, status: c.status })),
    })),
    otherGroups: groups.map((g) => ({ id: g.id, name: g.name, sites: sitesOf(g.id), inInstallerMode: inInstallerModeOf(g.id) })),
    canBeChanged: siteCanBeChanged(site),
    menu,
    permissions: permissionFlags(a, {
      manage: "sites.manage",
      activate: "sites.activate",
      requestInstallerMode: "sites.installerMode",
      manageContacts: "logins.manage",
    }),
  };
}
export type SiteDetails = Awaited<ReturnType<typeof getSite>>;
