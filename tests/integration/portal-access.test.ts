// Customer-portal access (issue 12, seed 002): logins, usergroups, contacts and their scope,
// agents, licences, personnel and jobs, against the demo data.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getCustomerHome, getCustomerSite } from "@/lib/customer-app/queries";
import { setInstallerMode } from "@/lib/customer-app/mutations";
import {
  addContactToSite,
  createContact,
  deleteUsergroup,
  linkContactLogin,
  removeContactFromSite,
  saveLogin,
  saveUsergroup,
  setCustomerAgent,
  setLoginDisabled,
  unlinkContactLogin,
} from "@/lib/logins/mutations";
import { getLogin, listLogins } from "@/lib/logins/queries";
import { savePersonnel } from "@/lib/personnel/mutations";
import { getMyJobs, listJobs } from "@/lib/jobs/queries";
import { saveJob } from "@/lib/jobs/mutations";
import { actAs } from "../support/session";

const PASSWORD = "DemoPass-2026";
const demo = () => db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
const siteNamed = (name: string) => db.site.findFirstOrThrow({ where: { name, organization: { name: "Northwind Security" } } });
async function as(email: string) {
  await actAs(email);
  return getActor();
}

// Other tests add portal logins of their own; the licence test sets the count it needs.
beforeEach(async () => {
  const org = await demo();
  await db.organization.update({ where: { id: org.id }, data: { portalLicences: 100_000 } });
});

describe("who may sign in to the customer portal", () => {
  it("a login without a contact is refused and told which step is missing; a disabled one is refused; a linked one gets in", async () => {
    expect(await signInWithPassword({ email: "unlinked@customers.test", password: PASSWORD, area: "customer" })).toMatchObject({ ok: false, error: "portal", steps: ["contact-link"] });
    expect(await signInWithPassword({ email: "sitecontact@customers.test", password: PASSWORD, area: "customer" })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: "agent@agents.test", password: PASSWORD, area: "customer" })).toMatchObject({ ok: true });
    // The same login in an internal usergroup is not a portal login.
    const staff = await db.usergroup.findFirstOrThrow({ where: { builtIn: "STAFF", organization: { name: "Northwind Security" } } });
    const portal = await db.usergroup.findFirstOrThrow({ where: { builtIn: "CUSTOMER_PORTAL", organization: { name: "Northwind Security" } } });
    await db.user.update({ where: { email: "sitecontact@customers.test" }, data: { usergroupId: staff.id } });
    expect(await signInWithPassword({ email: "sitecontact@customers.test", password: PASSWORD, area: "customer" })).toMatchObject({ ok: false, error: "portal", steps: ["external-usergroup"] });
    await db.user.update({ where: { email: "sitecontact@customers.test" }, data: { usergroupId: portal.id } });
    const admin = await as("admin@demo.test");
    const login = await db.user.findUniqueOrThrow({ where: { email: "sitecontact@customers.test" } });
    await setLoginDisabled(admin, { id: login.id, disabled: true });
    expect(await signInWithPassword({ email: "sitecontact@customers.test", password: PASSWORD, area: "customer" })).toMatchObject({ ok: false, error: "portal", steps: ["enabled"] });
    await setLoginDisabled(admin, { id: login.id, disabled: false });
  });

  it("every request checks it: a session ends when its login is unlinked or disabled", async () => {
    const admin = await as("admin@demo.test");
    const contact = await db.contact.findFirstOrThrow({ where: { email: "sitecontact@customers.test" } });
    const me = await as("sitecontact@customers.test");
    expect(me).not.toBeNull();
    await unlinkContactLogin(admin, { contactId: contact.id });
    expect(await getActor()).toBeNull();
    await linkContactLogin(admin, { contactId: contact.id, mode: "existing", userId: me!.userId, email: "", scope: "SPECIFIC_SITES" });
    expect(await as("sitecontact@customers.test")).not.toBeNull();
    await setLoginDisabled(admin, { id: me!.userId, disabled: true });
    expect(await getActor()).toBeNull();
    await setLoginDisabled(admin, { id: me!.userId, disabled: false });
  });

  it("the login's page says which steps are missing", async () => {
    const admin = await as("admin@demo.test");
    const unlinked = await db.user.findUniqueOrThrow({ where: { email: "unlinked@customers.test" } });
    expect((await getLogin(admin, unlinked.id)).missingSteps).toEqual(["the login must be linked to a customer contact or a site contact"]);
    const rows = (await listLogins(admin, { q: "customers.test", size: "200" })).rows;
    expect(rows.find((r) => r.email === "unlinked@customers.test")).toMatchObject({ status: "Not set up", usergroup: "Customer Portal", linkedTo: "—" });
    expect(rows.find((r) => r.email === "allsites@customers.test")).toMatchObject({ status: "Active", linkedTo: "Contact of Harbor Dental Clinic (All sites)" });
  });
});

describe("portal scope", () => {
  it("All sites: every site of the customer, also one added later; Specific sites: exactly the site-contact ones", async () => {
    const all = await as("allsites@customers.test");
    expect((await getCustomerHome(all)).sites.map((s) => s.name)).toEqual(["Harbor Annex", "Harbor Main"]);
    const harbor = await db.customer.findFirstOrThrow({ where: { name: "Harbor Dental Clinic" } });
    const later = await db.site.create({
      data: { organizationId: harbor.organizationId, customerId: harbor.id, name: `Harbor Later ${randomUUID().slice(0, 4)}`, address: "9 New Rd", country: "US", timeZone: "UTC" },
    });
    expect((await getCustomerHome(all)).sites.map((s) => s.name)).toContain(later.name);
    expect((await getCustomerSite(all, later.id)).role).toBeNull();
    await db.site.delete({ where: { id: later.id } });

    const specific = await as("sitecontact@customers.test");
    expect((await getCustomerHome(specific)).sites.map((s) => s.name)).toEqual(["Maple Main"]);
    await expect(getCustomerSite(specific, (await siteNamed("Maple Annex")).id)).rejects.toThrow(/not found/);
    await expect(getCustomerSite(specific, (await siteNamed("Harbor Main")).id)).rejects.toThrow(/not found/);
  });

  it("an agent sees every customer allocated to them, read-only; removing the agent ends that access at once", async () => {
    const agent = await as("agent@agents.test");
    const home = await getCustomerHome(agent);
    expect(home.customers.map((c) => c.name)).toEqual(["Harbor Dental Clinic", "Maple Street Bakery"]);
    expect(home.readOnly).toBe(true);
    const maple = home.customers.find((c) => c.name === "Maple Street Bakery")!;
    expect((await getCustomerHome(agent, maple.id)).sites.map((s) => s.name)).toEqual(["Maple Annex", "Maple Main"]);
    const harborMain = await siteNamed("Harbor Main");
    const view = await getCustomerSite(agent, harborMain.id);
    expect(view).toMatchObject({ readOnly: true, role: null, people: [], permissions: { installerMode: false } });
    expect(view.jobs.length).toBeGreaterThan(0);
    await expect(setInstallerMode(agent, { siteId: harborMain.id, on: true, duration: "2h" })).rejects.toThrow();
    const admin = await as("admin@demo.test");
    await setCustomerAgent(admin, { customerId: maple.id, agentId: "" });
    const again = await as("agent@agents.test");
    expect((await getCustomerHome(again)).customers.map((c) => c.name)).toEqual(["Harbor Dental Clinic"]);
    await expect(getCustomerSite(again, (await siteNamed("Maple Main")).id)).rejects.toThrow(/not found/);
    const grace = await db.agent.findFirstOrThrow({ where: { email: "agent@agents.test" } });
    await setCustomerAgent(admin, { customerId: maple.id, agentId: grace.id });
  });
});

describe("logins, contacts and licences in the console", () => {
  it("refuses a portal login past the licence count, saying how many are in use; an internal login needs none", async () => {
    const admin = await as("admin@demo.test");
    const org = await demo();
    const used = await db.user.count({ where: { organizationId: org.id, disabledAt: null, usergroup: { kind: "EXTERNAL" } } });
    await db.organization.update({ where: { id: org.id }, data: { portalLicences: used } });
    const portal = await db.usergroup.findFirstOrThrow({ where: { organizationId: org.id, builtIn: "CUSTOMER_PORTAL" } });
    const staff = await db.usergroup.findFirstOrThrow({ where: { organizationId: org.id, builtIn: "STAFF" } });
    await expect(saveLogin(admin, { name: "One Too Many", email: `too.many.${randomUUID().slice(0, 6)}@customers.test`, usergroupId: portal.id })).rejects.toThrow(
      new RegExp(`All ${used} customer-portal licences are in use \\(${used} portal logins\\).*buy more licences`),
    );
    // Disabling a portal login frees its licence.
    const unlinked = await db.user.findUniqueOrThrow({ where: { email: "unlinked@customers.test" } });
    await setLoginDisabled(admin, { id: unlinked.id, disabled: true });
    const freed = await saveLogin(admin, { name: "Freed Licence", email: `freed.${randomUUID().slice(0, 6)}@customers.test`, usergroupId: portal.id });
    // Enabling it again would take a licence there is not: refused, and it stays disabled.
    await expect(setLoginDisabled(admin, { id: unlinked.id, disabled: false })).rejects.toThrow(new RegExp(`All ${used} customer-portal licences are in use \\(${used} portal logins\\)`));
    expect((await db.user.findUniqueOrThrow({ where: { id: unlinked.id } })).disabledAt).not.toBeNull();
    await db.user.delete({ where: { id: freed.data!.id } });
    await setLoginDisabled(admin, { id: unlinked.id, disabled: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: unlinked.id } })).disabledAt).toBeNull();
    const internal = await saveLogin(admin, { name: "App Only", email: `app.only.${randomUUID().slice(0, 6)}@demo.test`, usergroupId: staff.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: internal.data!.id } })).toMatchObject({ kind: "EMPLOYEE", usergroupId: staff.id });
  });

  it("two disabled portal logins enabled at once take the one free licence between them", async () => {
    const admin = await as("admin@demo.test");
    const org = await demo();
    const portal = await db.usergroup.findFirstOrThrow({ where: { organizationId: org.id, builtIn: "CUSTOMER_PORTAL" } });
    const ids: string[] = [];
    for (const who of ["one", "two"]) {
      const { data } = await saveLogin(admin, { name: `Enable ${who}`, email: `enable.${who}.${randomUUID().slice(0, 6)}@customers.test`, usergroupId: portal.id });
      await setLoginDisabled(admin, { id: data!.id, disabled: true });
      ids.push(data!.id);
    }
    const used = await db.user.count({ where: { organizationId: org.id, disabledAt: null, usergroup: { kind: "EXTERNAL" } } });
    await db.organization.update({ where: { id: org.id }, data: { portalLicences: used + 1 } });
    const results = await Promise.allSettled(ids.map((id) => setLoginDisabled(admin, { id, disabled: false })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { organizationId: org.id, disabledAt: null, usergroup: { kind: "EXTERNAL" } } })).toBe(used + 1);
    await db.user.deleteMany({ where: { id: { in: ids } } });
  });

  it("a usergroup deleted, or turned external, while a login is created in it: the login never ends up without a usergroup or in one of the other kind", async () => {
    const admin = await as("admin@demo.test");
    const org = await demo();
    // PostgreSQL runs the two at once; without the organization's row held, each read the usergroup before the other wrote.
    for (let round = 0; round < 5; round++) {
      const tag = randomUUID().slice(0, 6);
      await saveUsergroup(admin, { name: `Race crew ${tag}`, isExternal: false, canAccessApp: true, permissionGroups: [] });
      const crew = await db.usergroup.findFirstOrThrow({ where: { organizationId: org.id, name: `Race crew ${tag}` } });
      const email = `race.${tag}@demo.test`;
      const [created, deleted] = await Promise.allSettled([saveLogin(admin, { name: "Race login", email, usergroupId: crew.id }), deleteUsergroup(admin, { id: crew.id })]);
      expect([created.status, deleted.status].sort()).toEqual(["fulfilled", "rejected"]);
      const login = await db.user.findUnique({ where: { email }, include: { usergroup: true } });
      if (created.status === "fulfilled") expect(login?.usergroup?.id).toBe(crew.id);
      else expect(login).toBeNull();

      const turned = `Turned crew ${tag}`;
      await saveUsergroup(admin, { name: turned, isExternal: false, canAccessApp: true, permissionGroups: [] });
      const group = await db.usergroup.findFirstOrThrow({ where: { organizationId: org.id, name: turned } });
      const other = `turned.${tag}@demo.test`;
      await Promise.allSettled([
        saveLogin(admin, { name: "Turned login", email: other, usergroupId: group.id }),
        saveUsergroup(admin, { id: group.id, name: turned, isExternal: true, canAccessApp: true, permissionGroups: [] }),
      ]);
      const after = await db.user.findUnique({ where: { email: other }, include: { usergroup: true } });
      // An app login (kind EMPLOYEE) sits in an internal usergroup, a portal login in an external one.
      if (after) expect(after.usergroup?.kind).toBe(after.kind === "EMPLOYEE" ? "INTERNAL" : "EXTERNAL");
      await db.user.deleteMany({ where: { email: { in: [email, other] } } });
      await db.usergroup.deleteMany({ where: { id: { in: [crew.id, group.id] } } });
    }
  });

  it("one contact linked to two new logins at once, or one login linked to two contacts at once: one link is made, nothing is left half-done", async () => {
    const admin = await as("admin@demo.test");
    const summit = await db.customer.findFirstOrThrow({ where: { name: "Summit Logistics" } });
    for (let round = 0; round < 5; round++) {
      const tag = randomUUID().slice(0, 6);
      const { data: contact } = await createContact(admin, { customerId: summit.id, name: `Linked once ${tag}`, jobTitle: "", email: "", phone: "", notes: "", role: "SITE_MEMBER" });
      const emails = [`first.${tag}@customers.test`, `second.${tag}@customers.test`];
      const results = await Promise.allSettled(emails.map((email) => linkContactLogin(admin, { contactId: contact!.id, mode: "new", userId: "", email, scope: "SPECIFIC_SITES" })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      // The refused one made no login (no licence taken, no email sent).
      const logins = await db.user.findMany({ where: { email: { in: emails } }, include: { contact: true } });
      expect(logins).toHaveLength(1);
      const login = logins[0]!;
      expect(login.contact?.id).toBe(contact!.id);
      expect(await db.outboxMessage.count({ where: { to: { in: emails } } })).toBe(1);

      const { data: other } = await createContact(admin, { customerId: summit.id, name: `Other ${tag}`, jobTitle: "", email: "", phone: "", notes: "", role: "SITE_MEMBER" });
      const { data: third } = await createContact(admin, { customerId: summit.id, name: `Third ${tag}`, jobTitle: "", email: "", phone: "", notes: "", role: "SITE_MEMBER" });
      await unlinkContactLogin(admin, { contactId: contact!.id });
      const both = await Promise.allSettled([other!.id, third!.id].map((contactId) => linkContactLogin(admin, { contactId, mode: "existing", userId: login.id, email: "", scope: "ALL_SITES" })));
      expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = both.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason.message).toMatch(/not linked yet|linked to another login/);
      await db.user.deleteMany({ where: { email: { in: emails } } });
    }
  });

  it("Create Customer Contact, Link login with a new login (Customer Portal, an email), Add Contact to Site, Remove (never the key account holder)", async () => {
    const admin = await as("admin@demo.test");
    const summit = await db.customer.findFirstOrThrow({ where: { name: "Summit Logistics" } });
    const { data } = await createContact(admin, { customerId: summit.id, name: "Cleo Contact", jobTitle: "Buyer", email: "", phone: "", notes: "Prefers email", role: "SITE_MEMBER" });
    const email = `cleo.${randomUUID().slice(0, 6)}@customers.test`;
    await linkContactLogin(admin, { contactId: data!.id, mode: "new", userId: "", email, scope: "SPECIFIC_SITES" });
    const login = await db.user.findUniqueOrThrow({ where: { email }, include: { usergroup: true, contact: true } });
    expect(login).toMatchObject({ kind: "CUSTOMER", usergroup: { builtIn: "CUSTOMER_PORTAL" }, contact: { id: data!.id, email } });
    expect(await db.outboxMessage.count({ where: { to: email, template: "portal-login-created" } })).toBe(1);
    const summitMain = await siteNamed("Summit Main");
    await addContactToSite(admin, { siteId: summitMain.id, contactId: data!.id, role: "SITE_ADMIN" });
    await db.credential.create({ data: { organizationId: summit.organizationId, contactId: data!.id, type: "CARD", siteId: summitMain.id } });
    const cleo = await as(email);
    expect((await getCustomerHome(cleo)).sites.map((s) => [s.name, s.role])).toEqual([["Summit Main", "SITE_ADMIN"]]);
    await removeContactFromSite(admin, { siteId: summitMain.id, contactId: data!.id });
    expect(await db.credential.count({ where: { contactId: data!.id, status: "ACTIVE" } })).toBe(0);
    expect((await getCustomerHome(await as(email))).sites).toEqual([]);
    const keyHolder = summitMain.keyAccountHolderId!;
    await expect(removeContactFromSite(admin, { siteId: summitMain.id, contactId: keyHolder })).rejects.toThrow(/key account holder/);
    // Added by two admins at once: one adds, the other is told the contact is already there.
    const { data: dana } = await createContact(admin, { customerId: summit.id, name: "Dana Twice", jobTitle: "", email: "", phone: "", notes: "", role: "SITE_MEMBER" });
    const both = await Promise.allSettled([0, 1].map(() => addContactToSite(admin, { siteId: summitMain.id, contactId: dana!.id, role: "SITE_MEMBER" })));
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((both.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ fieldErrors: { contactId: "Already a contact of this site." } });
    // A contact of another customer cannot be added to this site.
    const harborContact = await db.contact.findFirstOrThrow({ where: { email: "owner1@customers.test" } });
    await expect(addContactToSite(admin, { siteId: summitMain.id, contactId: harborContact.id, role: "SITE_MEMBER" })).rejects.toThrow(/this site's customer/);
  });

  it("employees of the console are not managed from Logins; built-in usergroups keep their name and are not deleted", async () => {
    const admin = await as("admin@demo.test");
    const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@demo.test" } });
    await expect(setLoginDisabled(admin, { id: manager.id, disabled: true })).rejects.toThrow(/Employees page/);
    const portal = await db.usergroup.findFirstOrThrow({ where: { builtIn: "CUSTOMER_PORTAL", organization: { name: "Northwind Security" } } });
    await expect(deleteUsergroup(admin, { id: portal.id })).rejects.toThrow(/built-in/);
    await expect(saveUsergroup(admin, { id: portal.id, name: "Renamed", isExternal: true, canAccessApp: true, permissionGroups: [] })).rejects.toThrow(/keeps its name/);
    await saveUsergroup(admin, { name: "Field crew", isExternal: false, canAccessApp: true, permissionGroups: ["Personnel & jobs"] });
    const crew = await db.usergroup.findFirstOrThrow({ where: { name: "Field crew", organizationId: portal.organizationId } });
    expect(crew).toMatchObject({ kind: "INTERNAL", permissionGroups: "Personnel & jobs" });
    await deleteUsergroup(admin, { id: crew.id });
  });
});

describe("personnel and jobs", () => {
  it("an internal login sees its personnel record's jobs; one without a record sees none", async () => {
    const tech = await getMyJobs(await as("tech@demo.test"));
    expect(tech.personnel?.name).toBe("Taylor Tech");
    expect(new Set(tech.jobs.map((j) => j.status))).toEqual(new Set(["SCHEDULED", "COMPLETED", "IN_PROGRESS", "OPEN"]));
    expect(await getMyJobs(await as("admin@demo.test"))).toEqual({ appAccess: true, usergroup: "Staff", personnel: null, jobs: [] });
    // A usergroup without Can Access App: no jobs in the app, whatever the personnel record.
    const staff = await db.usergroup.findFirstOrThrow({ where: { builtIn: "STAFF", organization: { name: "Northwind Security" } } });
    await db.usergroup.update({ where: { id: staff.id }, data: { canAccessApp: false } });
    expect(await getMyJobs(await as("tech@demo.test"))).toMatchObject({ appAccess: false, jobs: [] });
    await db.usergroup.update({ where: { id: staff.id }, data: { canAccessApp: true } });
    await expect(getMyJobs(await as("owner1@customers.test"))).rejects.toThrow();
  });

  it("Associated Login takes internal logins only; a scheduled job needs its time, read in the site's time zone", async () => {
    const admin = await as("admin@demo.test");
    const customerLogin = await db.user.findUniqueOrThrow({ where: { email: "owner1@customers.test" } });
    await expect(savePersonnel(admin, { name: "Wrong Login", jobTitle: "", phone: "", email: "", loginUserId: customerLogin.id })).rejects.toThrow(/internal login/);
    const tech = await db.user.findUniqueOrThrow({ where: { email: "tech@demo.test" } });
    await expect(savePersonnel(admin, { name: "Second Record", jobTitle: "", phone: "", email: "", loginUserId: tech.id })).rejects.toThrow(/already the login of Taylor Tech/);
    // One login given to two new records at once: one record has it, the other is told so next to the field.
    const staff = await db.usergroup.findFirstOrThrow({ where: { builtIn: "STAFF", organization: { name: "Northwind Security" } } });
    const { data: login } = await saveLogin(admin, { name: "Shared Login", email: `shared.login.${randomUUID().slice(0, 6)}@demo.test`, usergroupId: staff.id });
    const both = await Promise.allSettled(["Record A", "Record B"].map((name) => savePersonnel(admin, { name, jobTitle: "", phone: "", email: "", loginUserId: login!.id })));
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((both.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ fieldErrors: { loginUserId: "Already associated with another personnel record." } });
    expect(await db.personnel.count({ where: { loginUserId: login!.id } })).toBe(1);
    const site = await siteNamed("Harbor Main"); // America/Chicago
    await expect(saveJob(admin, { siteId: site.id, title: "No time", description: "", status: "SCHEDULED", scheduledAt: "", personnelId: "" })).rejects.toThrow(/needs its time/);
    await saveJob(admin, { siteId: site.id, title: "Timed job", description: "", status: "SCHEDULED", scheduledAt: "2026-07-01T09:30", personnelId: "" });
    const job = await db.job.findFirstOrThrow({ where: { title: "Timed job" } });
    expect(job.scheduledAt?.toISOString()).toBe("2026-07-01T14:30:00.000Z");
    const grid = await listJobs(admin, { q: "Timed job" });
    expect(grid.rows[0]).toMatchObject({ scheduledLocal: "2026-07-01T09:30", site: "Harbor Main" });
    // Technicians view jobs but do not change them.
    const techActor = await as("tech@demo.test");
    expect((await listJobs(techActor, {})).permissions.manage).toBe(false);
    await expect(saveJob(techActor, { id: job.id, siteId: site.id, title: "Changed", description: "", status: "OPEN", scheduledAt: "", personnelId: "" })).rejects.toThrow();
  });
});
