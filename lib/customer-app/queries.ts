import "server-only";
// The customer web app's home: the signed-in customer's sites, with their role at each.
import { db } from "../db";
import type { Actor } from "../access/actor";
import { ForbiddenError, NotFoundError } from "../access/actor";
import { installerModeOn } from "../sites/rules";
import { formatPhone } from "../phone";
import { invitationState, maySetSignInDetails, webInvitationAllowed, type PersonReach, type SiteRoleName } from "./rules";
import { requireActor } from "../access/guard";

/** The caller as a customer: only customers change anything in the portal; the contact is found by the login, never by a parameter. */
export function requireCustomerActor(actor: Actor | null): Actor {
  const me = requireActor(actor);
  if (me.kind !== "CUSTOMER") throw new ForbiddenError();
  return me;
}

/** The caller as a reader of the portal: a customer, or an agent (read-only, seed 002). */
export function requirePortalActor(actor: Actor | null): Actor {
  const me = requireActor(actor);
  if (me.kind !== "CUSTOMER" && me.kind !== "AGENT") throw new ForbiddenError();
  return me;
}

export type PortalSite = { siteId: string; customerId: string; role: SiteRoleName | null };

/**
 * The sites the caller sees in the portal (seed 002) and their site role at each (seed 001):
 * a contact with All sites access sees every site of the customer, also those added later; one
 * with Specific sites access sees the sites where they are a site contact; an agent sees every
 * site of the customers allocated to them, read-only (no role). Access switched off at a site
 * (Privileges) hides it. Every page and action of /app starts from here.
 */
export async function portalSites(me: Actor): Promise<PortalSite[]> {
  if (me.kind === "AGENT") {
    const sites = await db.site.findMany({ where: { organizationId: me.organizationId, customer: { agent: { userId: me.userId } } }, select: { id: true, customerId: true } });
    return sites.map((s) => ({ siteId: s.id, customerId: s.customerId, role: null }));
  }
  const contact = await db.contact.findFirst({
    where: { userId: me.userId, organizationId: me.organizationId },
    select: { customerId: true, portalScope: true, sites: { select: { siteId: true, role: true, enabled: true, site: { select: { customerId: true } } } } },
  });
  if (!contact) return [];
  const rows = new Map(contact.sites.map((m) => [m.siteId, m]));
  if (contact.portalScope === "ALL_SITES") {
    const sites = await db.site.findMany({ where: { organizationId: me.organizationId, customerId: contact.customerId }, select: { id: true, customerId: true } });
    return sites.filter((s) => rows.get(s.id)?.enabled !== false).map((s) => ({ siteId: s.id, customerId: s.customerId, role: rows.get(s.id)?.role ?? null }));
  }
  return contact.sites.filter((m) => m.enabled).map((m) => ({ siteId: m.siteId, customerId: m.site.customerId, role: m.role }));
}

/** The portal's home: the customers the caller sees (an agent may serve several: the switcher), and the chosen one's sites. */
export async function getCustomerHome(actor: Actor | null, customerId?: string) {
  const me = requirePortalActor(actor);
  const visible = await portalSites(me);
  const customerIds = [...new Set(visible.map((v) => v.customerId))];
  const [customers, contact, agent] = await Promise.all([
    db.customer.findMany({ where: { id: { in: customerIds }, organizationId: me.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    me.kind === "CUSTOMER" ? db.contact.findFirst({ where: { userId: me.userId, organizationId: me.organizationId }, include: { customer: { select: { id: true, name: true } } } }) : null,
    me.kind === "AGENT" ? db.agent.findFirst({ where: { userId: me.userId, organizationId: me.organizationId } }) : null,
  ]);
  const current = customers.find((c) => c.id === customerId) ?? customers.find((c) => c.id === contact?.customerId) ?? customers[0] ?? null;
  const shown = visible.filter((v) => v.customerId === current?.id);
  const sites = await db.site.findMany({
    where: { id: { in: shown.map((v) => v.siteId) } },
    select: { id: true, name: true, address: true, status: true, credentialGroup: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  return {
    name: contact?.name ?? agent?.name ?? me.name,
    email: contact?.email ?? me.email,
    hasPhone: !!contact?.phone,
    readOnly: me.kind === "AGENT",
    agentCompany: agent?.company ?? null,
    customerName: current?.name ?? contact?.customer.name ?? null,
    customers,
    currentCustomerId: current?.id ?? null,
    organizationName: me.organizationName,
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      address: s.address,
      status: s.status,
      credentialGroup: s.credentialGroup?.name ?? null,
      role: shown.find((v) => v.siteId === s.id)?.role ?? null,
    })),
  };
}
export type CustomerHome = Awaited<ReturnType<typeof getCustomerHome>>;

/** One of the caller's sites: their role there, their own credentials, its people (managers), its jobs (read-only) and Installer Mode. */
export async function getCustomerSite(actor: Actor | null, siteId: string) {
  const me = requirePortalActor(actor);
  const visible = (await portalSites(me)).find((v) => v.siteId === siteId);
  if (!visible) throw new NotFoundError("The site");
  const site = await db.site.findUniqueOrThrow({ where: { id: siteId }, include: { credentialGroup: { select: { name: true } } } });
  const on = installerModeOn(site);
  const contact = me.kind === "CUSTOMER" ? await db.contact.findFirst({ where: { userId: me.userId, organizationId: me.organizationId }, select: { id: true } }) : null;
  // Credentials count at the site itself or, for a site in a credential group, at the group.
  const scope = [{ siteId: site.id }, ...(site.credentialGroupId ? [{ credentialGroupId: site.credentialGroupId }] : [])];
  const credentials = contact
    ? await db.credential.findMany({
        where: { organizationId: me.organizationId, contactId: contact.id, OR: scope },
        orderBy: [{ status: "asc" }, { issuedAt: "desc" }],
        include: { credentialGroup: { select: { name: true } } },
      })
    : [];
  // The site's people are shown to its managers only.
  const people =
    visible.role === "SITE_MANAGER"
      ? (await db.siteContact.findMany({ where: { siteId: site.id }, include: { contact: { select: { id: true, name: true, email: true } } } }))
          .map((p) => ({ id: p.contact.id, name: p.contact.name, email: p.contact.email, role: p.role }))
          .sort((a, b) => a.name.localeCompare(b.name))
      : [];
  const jobs = await db.job.findMany({ where: { siteId: site.id, organizationId: me.organizationId }, orderBy: [{ scheduledAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }], take: 50 });
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    timeZone: site.timeZone,
    status: site.status,
    credentialGroup: site.credentialGroup?.name ?? null,
    configVersion: site.configVersion,
    role: visible.role,
    readOnly: me.kind === "AGENT",
    installerMode: { on, until: on ? site.installerModeUntil : null },
    permissions: { installerMode: visible.role === "SITE_MANAGER" },
    myCredentials: credentials.map((c) => ({ id: c.id, type: c.type, scope: c.credentialGroup ? `Credential group ${c.credentialGroup.name}` : "This site", status: c.status, issuedAt: c.issuedAt })),
    people,
    jobs: jobs.map((j) => ({ id: j.id, title: j.title, status: j.status, date: j.scheduledAt ?? j.createdAt })),
  };
}
export type CustomerSite = Awaited<ReturnType<typeof getCustomerSite>>;

/**
 * The people, of those given, whose email and mobile phone the caller may not change: their login
 * reaches sites the caller does not manage (maySetSignInDetails). The caller's own are theirs to change.
 */
export async function signInDetailsLocked(
  me: Actor,
  people: readonly { id: string; customerId: string; portalScope: string; userId: string | null }[],
  managedSiteIds: ReadonlySet<string>,
): Promise<Set<string>> {
  const others = people.filter((p) => p.userId !== me.userId);
  if (!others.length) return new Set();
  const ids = others.map((p) => p.id);
  const allSitesCustomers = [...new Set(others.filter((p) => p.portalScope === "ALL_SITES").map((p) => p.customerId))];
  const [roles, keyAccountSites, customerSites] = await Promise.all([
    db.siteContact.findMany({ where: { contactId: { in: ids } }, select: { contactId: true, siteId: true } }),
    db.site.findMany({ where: { organizationId: me.organizationId, keyAccountHolderId: { in: ids } }, select: { id: true, keyAccountHolderId: true } }),
    allSitesCustomers.length ? db.site.findMany({ where: { organizationId: me.organizationId, customerId: { in: allSitesCustomers } }, select: { id: true, customerId: true } }) : [],
  ]);
  const locked = new Set<string>();
  for (const p of others) {
    const reach: PersonReach = {
      roleSiteIds: roles.filter((r) => r.contactId === p.id).map((r) => r.siteId),
      keyAccountSiteIds: keyAccountSites.filter((s) => s.keyAccountHolderId === p.id).map((s) => s.id),
      allSitesOfCustomer: p.portalScope === "ALL_SITES" ? customerSites.filter((s) => s.customerId === p.customerId).map((s) => s.id) : null,
    };
    if (!maySetSignInDetails(reach, managedSiteIds)) locked.add(p.id);
  }
  return locked;
}

/**
 * My Team (seed 001): the people of every site where the signed-in customer is Site Manager, with
 * their role and access at each of those sites and their invitation state. Others (Site Admins,
 * Site Members) have no team to manage.
 */
export async function getMyTeam(actor: Actor | null, q = "", now = new Date()) {
  const me = requirePortalActor(actor);
  const managed = await db.siteContact.findMany({
    where: { role: "SITE_MANAGER", enabled: true, contact: { userId: me.userId, organizationId: me.organizationId } },
    include: { site: { select: { id: true, name: true, keyAccountHolderId: true } } },
    orderBy: { site: { name: "asc" } },
  });
  const siteIds = managed.map((m) => m.site.id);
  const term = q.trim().toLowerCase().slice(0, 100);
  const memberships = siteIds.length
    ? await db.siteContact.findMany({
        where: { siteId: { in: siteIds } },
        include: { site: { select: { id: true, name: true, keyAccountHolderId: true } }, contact: { include: { invitations: true, user: { select: { passwordHash: true } } } } },
      })
    : [];
  type Person = {
    id: string;
    name: string;
    email: string;
    phone: string;
    phoneDisplay: string;
    isMe: boolean;
    state: ReturnType<typeof invitationState>;
    webInvitationAllowed: boolean;
    keyAccountHolderOf: string[];
    roles: { siteId: string; site: string; role: SiteRoleName; enabled: boolean }[];
    /** Their login reaches sites the caller does not manage: Edit keeps their email and mobile phone. */
    signInDetailsLocked: boolean;
  };
  const people = new Map<string, Person>();
  for (const m of memberships) {
    const c = m.contact;
    if (term && !`${c.name} ${c.email} ${c.phone}`.toLowerCase().includes(term)) continue;
    const person: Person = people.get(c.id) ?? {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      phoneDisplay: c.phone ? formatPhone(c.phone) : "",
      isMe: c.userId === me.userId,
      state: invitationState(c.invitations, !!c.user?.passwordHash, now),
      webInvitationAllowed: webInvitationAllowed(c.invitations),
      keyAccountHolderOf: [],
      roles: [],
      signInDetailsLocked: false,
    };
    person.roles.push({ siteId: m.site.id, site: m.site.name, role: m.role, enabled: m.enabled });
    if (m.site.keyAccountHolderId === c.id) person.keyAccountHolderOf.push(m.site.name);
    people.set(c.id, person);
  }
  const contacts = new Map(memberships.map((m) => [m.contact.id, m.contact]));
  const locked = await signInDetailsLocked(
    me,
    [...people.keys()].map((id) => contacts.get(id)!),
    new Set(siteIds),
  );
  for (const p of people.values()) p.signInDetailsLocked = locked.has(p.id);
  const sorted = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const p of sorted) p.roles.sort((a, b) => a.site.localeCompare(b.site));
  return { managedSites: managed.map((m) => ({ id: m.site.id, name: m.site.name })), people: sorted, q: term };
}
export type MyTeam = Awaited<ReturnType<typeof getMyTeam>>;
export type TeamPerson = MyTeam["people"][number];

/** A person's credentials at each site the caller manages (the card's and site page's Credentials). */
export async function getTeamMemberCredentials(actor: Actor | null, contactId: string) {
  const me = requirePortalActor(actor);
  const managed = await db.siteContact.findMany({
    where: { role: "SITE_MANAGER", enabled: true, contact: { userId: me.userId, organizationId: me.organizationId } },
    select: { site: { select: { id: true, name: true, credentialGroupId: true, credentialGroup: { select: { name: true } } } } },
  });
  const siteIds = managed.map((m) => m.site.id);
  const contact = siteIds.length
    ? await db.contact.findFirst({
        where: { id: contactId, organizationId: me.organizationId, sites: { some: { siteId: { in: siteIds } } } },
        include: { sites: { where: { siteId: { in: siteIds } } }, credentials: { orderBy: [{ status: "asc" }, { issuedAt: "desc" }] } },
      })
    : null;
  if (!contact) throw new NotFoundError("The person");
  const sites = managed
    .map((m) => m.site)
    .filter((s) => contact.sites.some((cs) => cs.siteId === s.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => {
      const membership = contact.sites.find((cs) => cs.siteId === s.id)!;
      return {
        id: s.id,
        name: s.name,
        role: membership.role,
        enabled: membership.enabled,
        scope: s.credentialGroup ? `Credential group ${s.credentialGroup.name}` : "This site",
        credentials: contact.credentials
          .filter((c) => (s.credentialGroupId ? c.credentialGroupId === s.credentialGroupId : c.siteId === s.id))
          .map((c) => ({ id: c.id, type: c.type, status: c.status, issuedAt: c.issuedAt, deactivatedAt: c.deactivatedAt })),
      };
    });
  return { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone, sites };
}
export type TeamMemberCredentials = Awaited<ReturnType<typeof getTeamMemberCredentials>>;
