import "server-only";
// The customer web app's home: the signed-in customer's sites, with their role at each.
import { db } from "../db";
import type { Actor } from "../access/actor";
import { ForbiddenError, NotFoundError } from "../access/actor";
import { installerModeOn } from "../sites/rules";
import type { SiteRoleName } from "./rules";
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
        include: { site: { select: { id: true, name: true, address: true, status: true, credentialGroup: { select: { name: true } } } } },
        orderBy: { site: { name: "asc" } },
      },
    },
  });
  return {
    name: contact?.name ?? me.name,
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
    where: { siteId, contact: { userId: me.userId, organizationId: me.organizationId } },
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
 * their role at each of those sites. Others (Site Admins, Site Members) have no team to manage.
 */
export async function getMyTeam(actor: Actor | null, q = "") {
  const me = requireCustomerActor(actor);
  const managed = await db.siteContact.findMany({
    where: { role: "SITE_MANAGER", contact: { userId: me.userId, organizationId: me.organizationId } },
    include: { site: { select: { id: true, name: true } } },
    orderBy: { site: { name: "asc" } },
  });
  const siteIds = managed.map((m) => m.site.id);
  const term = q.trim().toLowerCase().slice(0, 100);
  const memberships = siteIds.length
    ? await db.siteContact.findMany({
        where: { siteId: { in: siteIds } },
        include: { site: { select: { name: true } }, contact: { include: { user: { select: { passwordHash: true } } } } },
      })
    : [];
  const people = new Map<string, { id: string; name: string; email: string; phone: string; state: "Active" | "Not invited"; roles: { site: string; role: SiteRoleName }[] }>();
  for (const m of memberships) {
    const c = m.contact;
    if (term && !`${c.name} ${c.email}`.toLowerCase().includes(term)) continue;
    const person = people.get(c.id) ?? { id: c.id, name: c.name, email: c.email, phone: c.phone, state: c.user?.passwordHash ? ("Active" as const) : ("Not invited" as const), roles: [] };
    person.roles.push({ site: m.site.name, role: m.role });
    people.set(c.id, person);
  }
  const sorted = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const p of sorted) p.roles.sort((a, b) => a.site.localeCompare(b.site));
  return { managedSites: managed.map((m) => m.site.name), people: sorted, q: term };
}
export type MyTeam = Awaited<ReturnType<typeof getMyTeam>>;
