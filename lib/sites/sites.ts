// Sites: grid (with the user's chosen columns), a site's page, create/edit (refused on an
// active site without Installer Mode), activation and the Request Installer Mode email.
import type { z } from "zod";
import { db } from "../db";
import { assertCan } from "../access/guard";
import { can, NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit";
import { RuleError } from "../actions/result";
import { containsText } from "../db-text";
import { kickDelivery, queueEmail } from "../email/outbox";
import { NoticeEmail } from "../email/templates";
import { clampPage, parseGridState, type SearchParams } from "../grid";
import { visiblePanelWhere } from "../panels/visibility";
import { credentialChangeRefusal, credentialMenuFor, INSTALLER_MODE_REQUIRED, siteCanBeChanged, type CredentialMenuItem } from "./rules";
import { DEFAULT_SITE_COLUMNS, SITE_COLUMNS, type SiteColumn, type siteSchema } from "./schemas";

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

/** The COLUMNS choice is kept per user, across sessions. */
export async function saveSiteColumns(actor: Actor | null, columns: SiteColumn[]) {
  const a = await assertCan(actor, "sites.view");
  const user = await db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { preferences: true } });
  let prefs: Record<string, unknown> = {};
  try {
    prefs = JSON.parse(user.preferences ?? "{}");
  } catch {}
  await db.user.update({ where: { id: a.userId }, data: { preferences: JSON.stringify({ ...prefs, siteColumns: SITE_COLUMNS.filter((c) => columns.includes(c)) }) } });
  return { message: "Columns saved." };
}

export async function listSites(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "sites.view");
  const grid = parseGridState(params, { sorts: SITE_SORTS, defaultSort: "name", defaultDir: "asc" });
  const where = { organizationId: a.organizationId, ...(grid.q ? { OR: [{ name: containsText(grid.q) }, { address: containsText(grid.q) }] } : {}) };
  const total = await db.site.count({ where });
  const page = clampPage(grid.page, grid.size, total);
  const [rows, columns] = await Promise.all([
    db.site.findMany({
      where,
      orderBy: [{ [SORT_COLUMN[grid.sort]]: grid.dir }, { id: grid.dir }],
      skip: (page - 1) * grid.size,
      take: grid.size,
      include: { customer: { select: { name: true } }, credentialGroup: { select: { id: true, name: true } }, _count: { select: { panels: true } } },
    }),
    siteColumns(a.userId),
  ]);
  return {
    rows: rows.map((s) => ({
      id: s.id,
      name: s.name,
      customerId: s.customerId,
      customer: s.customer.name,
      address: s.address,
      status: s.status,
      installerMode: s.installerMode,
      credentialGroupId: s.credentialGroup?.id ?? null,
      credentialGroup: s.credentialGroup?.name ?? null,
      panels: s._count.panels,
    })),
    columns,
    total,
    page,
    size: grid.size,
    sort: grid.sort,
    dir: grid.dir,
    q: grid.q,
    canManage: can(a, "sites.manage"),
    customers: can(a, "sites.manage") ? await db.customer.findMany({ where: { organizationId: a.organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }) : [],
  };
}
export type SitesPageData = Awaited<ReturnType<typeof listSites>>;

export async function getSite(actor: Actor | null, id: string) {
  const a = await assertCan(actor, "sites.view");
  const site = await db.site.findFirst({
    where: { id, organizationId: a.organizationId },
    include: {
      customer: { select: { id: true, name: true, contacts: { select: { id: true, name: true, email: true }, orderBy: { name: "asc" } } } },
      keyAccountHolder: { select: { name: true, email: true } },
      credentialGroup: { include: { sites: { select: { id: true, name: true, installerMode: true, status: true } } } },
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
  const groups = await db.credentialGroup.findMany({
    where: { organizationId: a.organizationId, ...(site.credentialGroupId ? { NOT: { id: site.credentialGroupId } } : {}) },
    orderBy: { name: "asc" },
    include: { sites: { select: { installerMode: true } } },
  });
  const state = { status: site.status, installerMode: site.installerMode, credentialGroupId: site.credentialGroupId };
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
    installerMode: site.installerMode,
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
    otherGroups: groups.map((g) => ({ id: g.id, name: g.name, sites: g.sites.length, inInstallerMode: g.sites.filter((s) => s.installerMode).length })),
    canBeChanged: siteCanBeChanged(site),
    menu,
    permissions: {
      manage: can(a, "sites.manage"),
      activate: can(a, "sites.activate"),
      requestInstallerMode: can(a, "sites.installerMode"),
    },
  };
}
export type SiteDetails = Awaited<ReturnType<typeof getSite>>;

export async function saveSite(actor: Actor | null, input: z.output<typeof siteSchema>) {
  const a = await assertCan(actor, "sites.manage");
  const customer = await db.customer.findFirst({ where: { id: input.customerId, organizationId: a.organizationId } });
  if (!customer) throw new RuleError("Select a customer from the list.", { customerId: "Select a customer from the list." });
  const holder = input.keyAccountHolderId ? await db.contact.findFirst({ where: { id: input.keyAccountHolderId, customerId: customer.id } }) : null;
  if (input.keyAccountHolderId && !holder) throw new RuleError("Choose the key account holder among the customer's contacts.", { keyAccountHolderId: "Choose the key account holder among the customer's contacts." });
  const data = { customerId: customer.id, name: input.name, address: input.address, country: input.country, timeZone: input.timeZone, keyAccountHolderId: holder?.id ?? null };
  const id = await db.$transaction(async (tx) => {
    let siteId = input.id;
    if (siteId) {
      const site = await tx.site.findFirst({ where: { id: siteId, organizationId: a.organizationId } });
      if (!site) throw new NotFoundError("The site");
      // Conditional: refused if the site became active without Installer Mode meanwhile.
      const updated = await tx.site.updateMany({ where: { id: siteId, OR: [{ status: "NOT_ACTIVATED" }, { installerMode: true }] }, data });
      if (updated.count !== 1) throw new RuleError(INSTALLER_MODE_REQUIRED);
    } else {
      siteId = (await tx.site.create({ data: { organizationId: a.organizationId, ...data } })).id;
    }
    await recordAudit({ actor: a, action: input.id ? "sites.edit" : "sites.create", target: { type: "Site", id: siteId, label: input.name } }, tx);
    return siteId;
  });
  return { siteId: id, message: `${input.name} is saved.` };
}

/** Activate site: the site becomes operational and its key account holder gets the account-activation email. */
export async function activateSite(actor: Actor | null, siteId: string) {
  const a = await assertCan(actor, "sites.activate");
  const site = await db.site.findFirst({ where: { id: siteId, organizationId: a.organizationId }, include: { keyAccountHolder: true } });
  if (!site) throw new NotFoundError("The site");
  if (site.status === "ACTIVE") throw new RuleError(`${site.name} is already active.`);
  if (!site.keyAccountHolder?.email) throw new RuleError("Choose a key account holder with an email address first: they receive the account-activation email.");
  await db.$transaction(async (tx) => {
    const updated = await tx.site.updateMany({ where: { id: siteId, status: "NOT_ACTIVATED" }, data: { status: "ACTIVE", activatedAt: new Date(), installerMode: false } });
    if (updated.count !== 1) throw new RuleError(`${site.name} is already active.`);
    await queueEmail(tx, {
      organizationId: a.organizationId,
      to: site.keyAccountHolder!.email,
      subject: `Your site ${site.name} is active`,
      template: "site-activation",
      body: NoticeEmail({ organization: a.organizationName, heading: `${site.name} is active`, body: `${a.organizationName} activated your site ${site.name}. Sign in to the customer app to manage your team and credentials. To let us change the site later, turn Installer Mode on.` }),
    });
    await recordAudit({ actor: a, action: "sites.activate", target: { type: "Site", id: siteId, label: site.name } }, tx);
  });
  await kickDelivery();
  return { message: `${site.name} is active. The account-activation email was sent to ${site.keyAccountHolder.email}.` };
}

/** Installer Mode is the customer's to switch; the console asks the site's managers by email. */
export async function requestInstallerMode(actor: Actor | null, siteId: string) {
  const a = await assertCan(actor, "sites.installerMode");
  const site = await db.site.findFirst({ where: { id: siteId, organizationId: a.organizationId }, include: { contacts: { where: { role: "SITE_MANAGER" }, include: { contact: true } } } });
  if (!site) throw new NotFoundError("The site");
  if (site.installerMode) throw new RuleError("Installer Mode is already on for this site.");
  const managers = site.contacts.map((c) => c.contact).filter((c) => c.email);
  if (!managers.length) throw new RuleError("This site has no Site Manager with an email address to ask.");
  await db.$transaction(async (tx) => {
    for (const m of managers) {
      await queueEmail(tx, {
        organizationId: a.organizationId,
        to: m.email,
        subject: `Please turn Installer Mode on for ${site.name}`,
        template: "request-installer-mode",
        body: NoticeEmail({ organization: a.organizationName, heading: "Installer Mode request", body: `${a.name} of ${a.organizationName} asks you to turn Installer Mode on for ${site.name} in the customer app, so that they can change the site.` }),
      });
    }
    await recordAudit({ actor: a, action: "sites.request_installer_mode", target: { type: "Site", id: siteId, label: site.name }, detail: `${managers.length} site manager(s)` }, tx);
  });
  await kickDelivery();
  return { message: `Installer Mode was requested from ${managers.map((m) => m.name).join(", ")}.` };
}
