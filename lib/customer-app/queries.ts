import "server-only";
// The customer web app's home: the signed-in customer's sites, with their role at each.
import { db } from "../db";
import type { Actor } from "../access/actor";
import { ForbiddenError, NotFoundError } from "../access/actor";
import { installerModeOn } from "../sites/rules";
import { formatPhone } from "../phone";
import { invitationState, webInvitationAllowed, type SiteRoleName } from "./rules";
import { requireActor } from "../access/guard";

/** The caller as a customer: only customers have a customer home; the contact is found by the login, never by a parameter. */
export function requireCustomerActor(actor: Actor | null): Actor {
  const me = requireActor(actor);
  if (me.kind !== "CUSTOMER") throw new ForbiddenError();
  return me;
}

export async function getCustomerHome(actor: Actor | null) {
  const me = requireCustomerActor(actor);
  const contact = await db.contact.findFirst({
    where: { userId: me.userId, organizationId: me.organizationId },
    include: {
      customer: { select: { name: true } },
      sites: {
        where: { enabled: true },
        include: { site: { select: { id: true, name: true, address: true, status: true, credentialGroup: { select: { name: true } } } } },
        orderBy: { site: { name: "asc" } },
      },
    },
  });
  return {
    name: contact?.name ?? me.name,
    email: contact?.email ?? me.email,
    hasPhone: !!contact?.phone,
    customerName: contact?.customer.name ?? null,
    organizationName: me.organizationName,
    sites: (contact?.sites ?? []).map((sc) => ({
      id: sc.site.id,
      name: sc.site.name,
      address: sc.site.address,
      status: sc.site.status,
      credentialGroup: sc.site.credentialGroup?.name ?? null,
      role: sc.role,
    })),
  };
}
export type CustomerHome = Awaited<ReturnType<typeof getCustomerHome>>;

/** One of the customer's sites, with their role there and its Installer Mode (managers may switch it). */
export async function getCustomerSite(actor: Actor | null, siteId: string) {
  const me = requireCustomerActor(actor);
  const membership = await db.siteContact.findFirst({
    where: { siteId, enabled: true, contact: { userId: me.userId, organizationId: me.organizationId } },
    include: { site: { include: { credentialGroup: { select: { name: true } } } } },
  });
  if (!membership) throw new NotFoundError("The site");
  const { site } = membership;
  const on = installerModeOn(site);
  // Credentials count at the site itself or, for a site in a credential group, at the group.
  const scope = [{ siteId: site.id }, ...(site.credentialGroupId ? [{ credentialGroupId: site.credentialGroupId }] : [])];
  const credentials = await db.credential.findMany({
    where: { organizationId: me.organizationId, contactId: membership.contactId, OR: scope },
    orderBy: [{ status: "asc" }, { issuedAt: "desc" }],
    include: { credentialGroup: { select: { name: true } } },
  });
  // The site's people are shown to its managers only.
  const people =
    membership.role === "SITE_MANAGER"
      ? (await db.siteContact.findMany({ where: { siteId: site.id }, include: { contact: { select: { id: true, name: true, email: true } } } }))
          .map((p) => ({ id: p.contact.id, name: p.contact.name, email: p.contact.email, role: p.role }))
          .sort((a, b) => a.name.localeCompare(b.name))
      : [];
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    timeZone: site.timeZone,
    status: site.status,
    credentialGroup: site.credentialGroup?.name ?? null,
    configVersion: site.configVersion,
    role: membership.role,
    installerMode: { on, until: on ? site.installerModeUntil : null },
    permissions: { installerMode: membership.role === "SITE_MANAGER" },
    myCredentials: credentials.map((c) => ({ id: c.id, type: c.type, scope: c.credentialGroup ? `Credential group ${c.credentialGroup.name}` : "This site", status: c.status, issuedAt: c.issuedAt })),
    people,
  };
}
export type CustomerSite = Awaited<ReturnType<typeof getCustomerSite>>;

/**
 * My Team (seed 001): the people of every site where the signed-in customer is Site Manager, with
 * their role and access at each of those sites and their invitation state. Others (Site Admins,
 * Site Members) have no team to manage.
 */
export async function getMyTeam(actor: Actor | null, q = "", now = new Date()) {
  const me = requireCustomerActor(actor);
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
    };
    person.roles.push({ siteId: m.site.id, site: m.site.name, role: m.role, enabled: m.enabled });
    if (m.site.keyAccountHolderId === c.id) person.keyAccountHolderOf.push(m.site.name);
    people.set(c.id, person);
  }
  const sorted = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const p of sorted) p.roles.sort((a, b) => a.site.localeCompare(b.site));
  return { managedSites: managed.map((m) => ({ id: m.site.id, name: m.site.name })), people: sorted, q: term };
}
export type MyTeam = Awaited<ReturnType<typeof getMyTeam>>;
export type TeamPerson = MyTeam["people"][number];

/** A person's credentials at each site the caller manages (the card's and site page's Credentials). */
export async function getTeamMemberCredentials(actor: Actor | null, contactId: string) {
  const me = requireCustomerActor(actor);
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
