// DESIGN.md rule 4: two admins editing one row at once lose neither's change. Each edit form sends
// the row as it showed it, and its save writes only the fields it changed (lib/edits.ts).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/access/actor";
import { editEmployee } from "@/lib/employees/mutations";
import { saveCustomer } from "@/lib/customers/mutations";
import { saveSite } from "@/lib/sites/mutations";
import { savePanel } from "@/lib/panels/mutations";
import { makeImei } from "@/lib/panels/rules";
import { savePersonnel } from "@/lib/personnel/mutations";
import { saveJob } from "@/lib/jobs/mutations";
import { saveAgent, saveLogin, saveUsergroup } from "@/lib/logins/mutations";
import { actAs } from "../support/session";

async function as(email: string): Promise<Actor> {
  await actAs(email);
  return (await getActor())!;
}

describe("two admins editing one row from the same view", () => {
  it("an employee: one changes the phone, the other the name; both stay, and a save that changed nothing writes nothing", async () => {
    const admin = await as("admin@demo.test");
    const other = await as("contact@demo.test");
    const employee = await db.employee.findFirstOrThrow({ where: { email: "tech@demo.test" } });
    const shown = { fullName: employee.fullName, phone: employee.phone, country: employee.country };
    await editEmployee(admin, { id: employee.id, ...shown, phone: "+1 555 0111", shown });
    await editEmployee(other, { id: employee.id, ...shown, fullName: "Taylor Renamed", shown });
    await editEmployee(admin, { id: employee.id, ...shown, shown });
    expect(await db.employee.findUniqueOrThrow({ where: { id: employee.id } })).toMatchObject({ fullName: "Taylor Renamed", phone: "+1 555 0111", country: employee.country });
    await db.employee.update({ where: { id: employee.id }, data: shown });
  });

  it("a customer: one renames it, the other changes its account number; both stay", async () => {
    const admin = await as("admin@demo.test");
    const other = await as("contact@demo.test");
    const tag = randomUUID().slice(0, 8).toUpperCase();
    await saveCustomer(admin, { name: `Edited ${tag}`, accountNumber: `E-${tag}` });
    const customer = await db.customer.findFirstOrThrow({ where: { accountNumber: `E-${tag}` } });
    const shown = { name: customer.name, accountNumber: customer.accountNumber };
    await saveCustomer(admin, { id: customer.id, ...shown, name: `Edited ${tag} Ltd`, shown });
    await saveCustomer(other, { id: customer.id, ...shown, accountNumber: `E-${tag}-2`, shown });
    await saveCustomer(admin, { id: customer.id, ...shown, shown });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ name: `Edited ${tag} Ltd`, accountNumber: `E-${tag}-2` });
  });

  it("a site: one changes the address, the other the time zone and the key account holder; all stay", async () => {
    const admin = await as("admin@demo.test");
    const other = await as("contact@demo.test");
    const maple = await db.customer.findFirstOrThrow({ where: { name: "Maple Street Bakery" } });
    const [first, holder] = await db.contact.findMany({ where: { customerId: maple.id }, orderBy: { id: "asc" }, take: 2 });
    // Not yet activated: the console may change it without Installer Mode.
    const site = await db.site.create({
      data: {
        organizationId: maple.organizationId,
        customerId: maple.id,
        name: `Edited site ${randomUUID().slice(0, 6)}`,
        address: "1 Old Rd",
        country: "US",
        timeZone: "UTC",
        keyAccountHolderId: first!.id,
      },
    });
    const shown = { name: site.name, address: site.address, country: site.country, timeZone: site.timeZone, keyAccountHolderId: site.keyAccountHolderId ?? "" };
    const form = { id: site.id, customerId: site.customerId, ...shown };
    await saveSite(admin, { ...form, address: "9 New Rd, Springfield", shown });
    await saveSite(other, { ...form, timeZone: "Europe/London", keyAccountHolderId: holder!.id, shown });
    await saveSite(admin, { ...form, shown });
    expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({ name: site.name, address: "9 New Rd, Springfield", timeZone: "Europe/London", keyAccountHolderId: holder!.id });
    // A form without what it showed writes every field, as before.
    await saveSite(admin, form);
    expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({ address: site.address, timeZone: site.timeZone, keyAccountHolderId: site.keyAccountHolderId });
  });

  it("a panel: one changes its account code, the other moves it to another group and turns installer app access off; all stay", async () => {
    const admin = await as("admin@demo.test");
    const other = await as("contact@demo.test");
    const [north, south] = await Promise.all(["North region", "South region"].map((name) => db.panelGroup.findFirstOrThrow({ where: { name, organization: { name: "Northwind Security" } } })));
    const imei = makeImei(`35${Date.now() % 1_000_000_000_000}`.padEnd(14, "7").slice(0, 14));
    await savePanel(admin, { imei, accountCode: "A1B2", panelGroupId: north!.id, installerAppAccess: true });
    const panel = await db.panel.findFirstOrThrow({ where: { imei } });
    const shown = { imei, accountCode: "A1B2", panelGroupId: north!.id, installerAppAccess: true };
    const form = { id: panel.id, ...shown };
    await savePanel(admin, { ...form, accountCode: "C3D4", shown });
    await savePanel(other, { ...form, panelGroupId: south!.id, installerAppAccess: false, shown });
    await savePanel(admin, { ...form, shown });
    expect(await db.panel.findUniqueOrThrow({ where: { id: panel.id } })).toMatchObject({ imei, accountCode: "C3D4", panelGroupId: south!.id, installerAppAccess: false });
  });

  it("a personnel record: one changes the phone, the other the job title; both stay", async () => {
    const admin = await as("admin@demo.test");
    const other = await as("contact@demo.test");
    const name = `Pat Personnel ${randomUUID().slice(0, 6)}`;
    await savePersonnel(admin, { name, jobTitle: "Engineer", phone: "+1 555 0170", email: "", loginUserId: "" });
    const person = await db.personnel.findFirstOrThrow({ where: { name } });
    const shown = { name, jobTitle: "Engineer", phone: "+1 555 0170", email: "", loginUserId: "" };
    const form = { id: person.id, ...shown };
    await savePersonnel(admin, { ...form, phone: "+1 555 0171", shown });
    await savePersonnel(other, { ...form, jobTitle: "Lead engineer", shown });
    await savePersonnel(admin, { ...form, shown });
    expect(await db.personnel.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name, jobTitle: "Lead engineer", phone: "+1 555 0171" });
  });

  it("a job: one renames it, the other assigns it; both stay, and a change that would leave a scheduled job without its time is refused", async () => {
    const admin = await as("admin@demo.test");
    const other = await as("contact@demo.test");
    const site = await db.site.findFirstOrThrow({ where: { name: "Maple Main" } });
    const taylor = await db.personnel.findFirstOrThrow({ where: { name: "Taylor Tech" } });
    const title = `Check the keypad ${randomUUID().slice(0, 6)}`;
    await saveJob(admin, { siteId: site.id, title, description: "", status: "OPEN", scheduledAt: "2027-02-01T09:00", personnelId: "" });
    const job = await db.job.findFirstOrThrow({ where: { title } });
    const shown = { siteId: site.id, title, description: "", status: "OPEN" as const, scheduledAt: "2027-02-01T09:00", personnelId: "" };
    const form = { id: job.id, ...shown };
    await saveJob(admin, { ...form, title: `${title} again`, shown });
    await saveJob(other, { ...form, personnelId: taylor.id, shown });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ title: `${title} again`, personnelId: taylor.id, scheduledAt: job.scheduledAt });
    // One makes it Scheduled (its time as shown); the other, from the same view, clears the time.
    await saveJob(admin, { ...form, status: "SCHEDULED", shown });
    await expect(saveJob(other, { ...form, scheduledAt: "", shown })).rejects.toMatchObject({ fieldErrors: { scheduledAt: "Enter when the job is scheduled." } });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "SCHEDULED", scheduledAt: job.scheduledAt });
  });

  it("a login, an agent and a usergroup: each keeps both admins' changes; a usergroup's permission groups added and removed both apply", async () => {
    const admin = await as("admin@demo.test");
    const other = await as("contact@demo.test");
    const tag = randomUUID().slice(0, 6);
    await db.organization.update({ where: { id: admin.organizationId }, data: { portalLicences: 100_000 } });
    const portal = await db.usergroup.findFirstOrThrow({ where: { organizationId: admin.organizationId, builtIn: "CUSTOMER_PORTAL" } });

    const email = `login.${tag}@edits.test`;
    await saveLogin(admin, { name: "Lee Login", email, usergroupId: portal.id });
    const login = await db.user.findUniqueOrThrow({ where: { email } });
    const shownLogin = { name: "Lee Login", email, usergroupId: portal.id };
    await saveLogin(admin, { id: login.id, ...shownLogin, name: "Lee Renamed", shown: shownLogin });
    await saveLogin(other, { id: login.id, ...shownLogin, email: `moved.${tag}@edits.test`, shown: shownLogin });
    await saveLogin(admin, { id: login.id, ...shownLogin, shown: shownLogin });
    expect(await db.user.findUniqueOrThrow({ where: { id: login.id } })).toMatchObject({ name: "Lee Renamed", email: `moved.${tag}@edits.test`, usergroupId: portal.id });

    const agentEmail = `agent.${tag}@edits.test`;
    await saveAgent(admin, { company: "Watch Co", name: "Ada Agent", email: agentEmail });
    const agent = await db.agent.findFirstOrThrow({ where: { email: agentEmail } });
    const shownAgent = { company: "Watch Co", name: "Ada Agent", email: agentEmail };
    await saveAgent(admin, { id: agent.id, ...shownAgent, company: "Watch Co Ltd", shown: shownAgent });
    await saveAgent(other, { id: agent.id, ...shownAgent, name: "Ada Renamed", shown: shownAgent });
    expect(await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).toMatchObject({ company: "Watch Co Ltd", name: "Ada Renamed", email: agentEmail });
    expect(await db.user.findUniqueOrThrow({ where: { id: agent.userId! } })).toMatchObject({ name: "Ada Renamed", email: agentEmail });

    const name = `Desk ${tag}`;
    await saveUsergroup(admin, { name, isExternal: false, canAccessApp: true, permissionGroups: ["Installers"] });
    const group = await db.usergroup.findFirstOrThrow({ where: { organizationId: admin.organizationId, name } });
    const shownGroup = { name, isExternal: false, canAccessApp: true, permissionGroups: ["Installers"] };
    await saveUsergroup(admin, { id: group.id, ...shownGroup, permissionGroups: ["Installers", "Panels"], shown: shownGroup });
    await saveUsergroup(other, { id: group.id, ...shownGroup, canAccessApp: false, permissionGroups: [], shown: shownGroup });
    const saved = await db.usergroup.findUniqueOrThrow({ where: { id: group.id } });
    expect({ canAccessApp: saved.canAccessApp, permissionGroups: saved.permissionGroups }).toEqual({ canAccessApp: false, permissionGroups: "Panels" });
  });
});
