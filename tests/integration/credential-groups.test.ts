import { beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { whileCustomerHeld } from "../support/hold-row";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/access/actor";
import { addSiteToExistingGroup, addSiteToNewGroup, moveSiteToGroup, regenerateSiteCredentials, removeSiteFromGroup, renameCredentialGroup } from "@/lib/credential-groups/mutations";
import { activateSite, requestInstallerMode, saveSite } from "@/lib/sites/mutations";
import { deleteCustomer } from "@/lib/customers/mutations";
import { getSite } from "@/lib/sites/queries";
import { actAs } from "../support/session";

async function as(email: string): Promise<Actor> {
  await actAs(email);
  return (await getActor())!;
}
const site = (name: string) => db.site.findFirstOrThrow({ where: { name, organization: { name: "Northwind Security" } } });
let n = 0;
async function newSite(active: boolean, installerMode: boolean) {
  n++;
  const customer = await db.customer.findFirstOrThrow({ where: { name: "Summit Logistics" } });
  // The customer's three demo contacts (other tests add contacts of their own).
  const people = await db.contact.findMany({ where: { customerId: customer.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 3 });
  const s = await db.site.create({
    data: {
      organizationId: customer.organizationId,
      customerId: customer.id,
      name: `Test site ${n}`,
      address: "1 Test Rd",
      country: "US",
      timeZone: "UTC",
      status: active ? "ACTIVE" : "NOT_ACTIVATED",
      installerMode,
      keyAccountHolderId: people[0]!.id,
      contacts: { create: people.map((p) => ({ contactId: p.id })) },
    },
  });
  for (const p of people) await db.credential.create({ data: { organizationId: customer.organizationId, contactId: p.id, type: "CARD", siteId: s.id } });
  return s;
}

let manager: Actor;
let tech: Actor;
beforeAll(async () => {
  tech = await as("tech@demo.test");
  manager = await as("manager@demo.test");
});

describe("credential groups", () => {
  it("adding an activated site to a group removes its own credentials; the site uses the group's", async () => {
    const s = await newSite(true, true);
    const group = await db.credentialGroup.findFirstOrThrow({ where: { name: "Harbor Dental" } });
    const before = (await site("Harbor Main")).configVersion;
    await addSiteToExistingGroup(manager, s.id, group.id);
    expect(await db.credential.count({ where: { siteId: s.id, status: "ACTIVE" } })).toBe(0);
    expect(await db.credential.count({ where: { siteId: s.id, status: "DEACTIVATED" } })).toBe(3);
    const people = await db.siteContact.findMany({ where: { siteId: s.id } });
    expect(await db.credential.count({ where: { credentialGroupId: group.id, status: "ACTIVE", contactId: { in: people.map((p) => p.contactId) } } })).toBe(3);
    expect((await site("Harbor Main")).configVersion).toBe(before + 1);
    expect((await db.site.findUniqueOrThrow({ where: { id: s.id } })).configVersion).toBe(2);
  });

  it("refuses a technician on an active site, allows it on a site not yet activated", async () => {
    const activeSite = await newSite(true, true);
    await expect(addSiteToNewGroup(tech, activeSite.id, "Tech group")).rejects.toThrow(/Installer Technician does not have the privilege/);
    const fresh = await newSite(false, false);
    await addSiteToNewGroup(tech, fresh.id, "Tech group");
    expect((await db.site.findUniqueOrThrow({ where: { id: fresh.id } })).credentialGroupId).not.toBeNull();
  });

  it("refuses changes without Installer Mode, on the site and on the group", async () => {
    const noMode = await newSite(true, false);
    await expect(addSiteToNewGroup(manager, noMode.id, "Nope")).rejects.toThrow(/Installer Mode/);
    await expect(saveSite(manager, { id: noMode.id, customerId: noMode.customerId, name: "Renamed", address: "x", country: "US", timeZone: "UTC", keyAccountHolderId: "" })).rejects.toThrow(
      /Installer Mode/,
    );
    const lonely = await db.credentialGroup.create({ data: { organizationId: noMode.organizationId, name: "No installer mode group", sites: { connect: [{ id: (await newSite(true, false)).id }] } } });
    const candidate = await newSite(true, true);
    await expect(addSiteToExistingGroup(manager, candidate.id, lonely.id)).rejects.toThrow(/At least one site in the credential group must be in Installer Mode/);
    await expect(renameCredentialGroup(manager, lonely.id, "Renamed")).rejects.toThrow(/At least one site/);
  });

  it("Remove from Group deactivates every credential valid at the site; Regenerate issues new ones", async () => {
    const s = await newSite(true, true);
    const { groupId } = await addSiteToNewGroup(manager, s.id, "Short-lived group");
    await removeSiteFromGroup(manager, s.id);
    const after = await db.site.findUniqueOrThrow({ where: { id: s.id } });
    expect(after.credentialGroupId).toBeNull();
    expect(await db.credential.count({ where: { siteId: s.id, status: "ACTIVE" } })).toBe(0);
    expect(await db.credential.count({ where: { siteId: s.id, status: "DEACTIVATED" } })).toBeGreaterThanOrEqual(3);
    await regenerateSiteCredentials(manager, s.id);
    expect(await db.credential.count({ where: { siteId: s.id, status: "ACTIVE" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { targetId: s.id, action: { startsWith: "credential_groups." } } })).toBe(3);
    expect(groupId).toBeTruthy();
  });

  it("moves a site between groups and bumps both groups' sites", async () => {
    const a = await newSite(true, true);
    const b = await newSite(true, true);
    const { groupId: g1 } = await addSiteToNewGroup(manager, a.id, "Group one");
    const { groupId: g2 } = await addSiteToNewGroup(manager, b.id, "Group two");
    const bBefore = (await db.site.findUniqueOrThrow({ where: { id: b.id } })).configVersion;
    await moveSiteToGroup(manager, a.id, g2);
    expect((await db.site.findUniqueOrThrow({ where: { id: a.id } })).credentialGroupId).toBe(g2);
    expect((await db.site.findUniqueOrThrow({ where: { id: b.id } })).configVersion).toBe(bBefore + 1);
    await expect(moveSiteToGroup(tech, a.id, g1)).rejects.toThrow(/Installer Technician/);
  });

  it("two admins changing the same group at once end consistent", async () => {
    const group = await db.credentialGroup.findFirstOrThrow({ where: { name: "Harbor Dental" } });
    const x = await newSite(true, true);
    const y = await newSite(true, true);
    const admin = await as("admin@demo.test");
    const results = await Promise.allSettled([addSiteToExistingGroup(admin, x.id, group.id), addSiteToExistingGroup(manager, y.id, group.id)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled").length;
    const inGroup = await db.site.count({ where: { id: { in: [x.id, y.id] }, credentialGroupId: group.id } });
    expect(inGroup).toBe(fulfilled);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/changed this credential group just now|Reload/);
  });

  it("two new groups of one name at once: one is made, the other site hears the name is taken and stays as it was", async () => {
    const x = await newSite(true, true);
    const y = await newSite(true, true);
    const name = `Twin group ${Date.now()}`;
    const results = await Promise.allSettled([addSiteToNewGroup(manager, x.id, name), addSiteToNewGroup(manager, y.id, name)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ fieldErrors: { name: "A credential group with this name already exists." } });
    expect(await db.site.count({ where: { id: { in: [x.id, y.id] }, credentialGroupId: null } })).toBe(1);
    expect(await db.credential.count({ where: { siteId: { in: [x.id, y.id] }, status: "ACTIVE" } })).toBe(3);
  });

  it("a site added to a group while a person's access there is switched off: the group's credential goes to the others only", async () => {
    const s = await newSite(true, true);
    const people = await db.siteContact.findMany({ where: { siteId: s.id }, orderBy: { contactId: "asc" } });
    const off = people[1]!.contactId;
    const switchOff = (tx: Tx) => tx.siteContact.update({ where: { siteId_contactId: { siteId: s.id, contactId: off } }, data: { enabled: false } });
    const name = `Held group ${Date.now()}`;
    expect(await whileCustomerHeld(s.customerId, switchOff, () => addSiteToNewGroup(manager, s.id, name))).toBe("done");
    const group = await db.credentialGroup.findFirstOrThrow({ where: { name } });
    const holders = await db.credential.findMany({ where: { credentialGroupId: group.id, status: "ACTIVE" }, select: { contactId: true } });
    expect(holders.map((h) => h.contactId).sort()).toEqual(people.filter((p) => p.contactId !== off).map((p) => p.contactId));
  });
});

describe("site lifecycle", () => {
  it("a site stays with its customer: an edit naming another customer is refused, nothing changes", async () => {
    const admin = await as("admin@demo.test");
    const s = await newSite(false, false);
    const other = await db.customer.findFirstOrThrow({ where: { name: "Harbor Dental Clinic" } });
    const edit = { id: s.id, customerId: other.id, name: s.name, address: s.address, country: s.country, timeZone: s.timeZone, keyAccountHolderId: "" };
    await expect(saveSite(admin, edit)).rejects.toMatchObject({ fieldErrors: { customerId: expect.stringMatching(/stays with its customer/) } });
    expect(await db.site.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ customerId: s.customerId, keyAccountHolderId: s.keyAccountHolderId });
    await saveSite(admin, { ...edit, customerId: s.customerId, name: `${s.name} renamed` });
    expect((await db.site.findUniqueOrThrow({ where: { id: s.id } })).name).toBe(`${s.name} renamed`);
  });

  it("activation queues the account-activation email to the key account holder", async () => {
    const admin = await as("admin@demo.test");
    const s = await newSite(false, false);
    await activateSite(admin, s.id);
    const after = await db.site.findUniqueOrThrow({ where: { id: s.id }, include: { keyAccountHolder: true } });
    expect(after.status).toBe("ACTIVE");
    expect(await db.outboxMessage.count({ where: { to: after.keyAccountHolder!.email, template: "site-activation" } })).toBeGreaterThan(0);
    await expect(activateSite(admin, s.id)).rejects.toThrow(/already active/);
  });

  it("Request Installer Mode emails the site's managers, with a link to the site's Installer Mode switch in the customer app", async () => {
    const s = await site("Maple Main");
    await requestInstallerMode(tech, s.id);
    const mails = await db.outboxMessage.findMany({ where: { template: "request-installer-mode", to: "owner2@customers.test" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/app/sites/${s.id}#site-settings`);
    // At most 3 requests a site in 15 minutes, whoever asks: the 4th emails nobody.
    await requestInstallerMode(tech, s.id);
    await requestInstallerMode(await as("admin@demo.test"), s.id);
    await expect(requestInstallerMode(tech, s.id)).rejects.toThrow(/already requested 3 times for Maple Main in the last 15 minutes/);
    expect(await db.outboxMessage.count({ where: { template: "request-installer-mode", to: "owner2@customers.test" } })).toBe(3);
  });

  it("a customer with sites cannot be deleted", async () => {
    const admin = await as("admin@demo.test");
    const customer = await db.customer.findFirstOrThrow({ where: { name: "Maple Street Bakery" } });
    await expect(deleteCustomer(admin, customer.id)).rejects.toThrow(/still has 2 sites/);
  });
});

describe("the groups a site may join", () => {
  it("are every other group of the organization, with its sites counted and those in Installer Mode now (not an ended one)", async () => {
    const alone = await newSite(true, true);
    const group = await db.credentialGroup.create({ data: { organizationId: alone.organizationId, name: `Counted ${Date.now()}` } });
    const on = await newSite(true, true);
    const ended = await newSite(true, true);
    const off = await newSite(true, false);
    await db.site.updateMany({ where: { id: { in: [on.id, ended.id, off.id] } }, data: { credentialGroupId: group.id } });
    await db.site.update({ where: { id: ended.id }, data: { installerModeUntil: new Date(Date.now() - 60_000) } });
    const empty = await db.credentialGroup.create({ data: { organizationId: alone.organizationId, name: `Empty ${Date.now()}` } });
    const offered = (await getSite(manager, alone.id)).otherGroups;
    expect(offered.find((g) => g.id === group.id)).toEqual({ id: group.id, name: group.name, sites: 3, inInstallerMode: 1 });
    expect(offered.find((g) => g.id === empty.id)).toEqual({ id: empty.id, name: empty.name, sites: 0, inInstallerMode: 0 });
    // A site in the group is offered the others, not its own.
    expect((await getSite(manager, on.id)).otherGroups.some((g) => g.id === group.id)).toBe(false);
  });
});
