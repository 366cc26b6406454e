// The counts the console's lists show next to each row (panels per group, installers and employees
// per panel, sites per customer, panels per site, employees per role, jobs per personnel, logins per
// usergroup, a contact's sites), and the counts in the refusals to delete a parent that still has
// children. They are read per page by lib/tally.ts; another dealer's children never count.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/access/actor";
import { listPanelGroups, listPanels } from "@/lib/panels/queries";
import { deletePanel, deletePanelGroup, savePanel } from "@/lib/panels/mutations";
import { listCustomers } from "@/lib/customers/queries";
import { deleteCustomer } from "@/lib/customers/mutations";
import { listSites } from "@/lib/sites/queries";
import { listRoles } from "@/lib/roles/queries";
import { deleteRole } from "@/lib/roles/mutations";
import { listPersonnel } from "@/lib/personnel/queries";
import { getLogin, listLogins, listUsergroups } from "@/lib/logins/queries";
import { deleteUsergroup } from "@/lib/logins/mutations";
import { makeImei } from "@/lib/panels/rules";
import { actAs } from "../support/session";

const tag = randomUUID().slice(0, 8);
/** 14 digits unique to this run, then the check digit. */
const imei = (n: number) => makeImei(`35${String(Number.parseInt(tag, 16)).padStart(10, "0").slice(-10)}${String(n).padStart(2, "0")}`);
let admin: Actor;
let orgId: string;
let otherOrgId: string;

async function site(organizationId: string, customerId: string, name: string) {
  return db.site.create({ data: { organizationId, customerId, name, address: "1 Count Street", country: "US", timeZone: "America/New_York" } });
}

beforeAll(async () => {
  await actAs("admin@demo.test");
  admin = (await getActor())!;
  orgId = admin.organizationId;
  otherOrgId = (await db.organization.create({ data: { name: `Other dealer ${tag}` } })).id;
});

describe("counts next to each row", () => {
  it("panels per group and installers and employees per panel", async () => {
    const group = await db.panelGroup.create({ data: { organizationId: orgId, name: `Counted ${tag}` } });
    const empty = await db.panelGroup.create({ data: { organizationId: orgId, name: `Counted empty ${tag}` } });
    const [linked, bare] = await Promise.all(
      [0, 1].map((i) => db.panel.create({ data: { organizationId: orgId, panelGroupId: group.id, imei: imei(i), accountCode: `CNT${tag}${i}`.toUpperCase() } })),
    );
    const installers = await db.installer.findMany({ where: { organizationId: orgId }, take: 2, orderBy: { id: "asc" } });
    const employee = await db.employee.findFirstOrThrow({ where: { organizationId: orgId } });
    expect(installers).toHaveLength(2);
    await db.installerPanel.createMany({ data: installers.map((i) => ({ installerId: i.id, panelId: linked!.id })) });
    await db.employeePanel.create({ data: { employeeId: employee.id, panelId: linked!.id } });

    const page = await listPanels(admin, { size: "50" }, group.id);
    const byImei = Object.fromEntries(page.rows.map((r) => [r.imei, r]));
    expect(byImei[linked!.imei]).toMatchObject({ installers: 2, employees: 1 });
    expect(byImei[bare!.imei]).toMatchObject({ installers: 0, employees: 0 });

    const groups = await listPanelGroups(admin);
    expect(groups.find((g) => g.id === group.id)?.panels).toBe(2);
    expect(groups.find((g) => g.id === empty.id)?.panels).toBe(0);
    for (const g of groups) expect(g.panels).toBe(await db.panel.count({ where: { panelGroupId: g.id } }));

    await expect(deletePanelGroup(admin, group.id)).rejects.toThrow(`Counted ${tag} still has 2 panels.`);
    await deletePanelGroup(admin, empty.id);
    expect(await db.panelGroup.findUnique({ where: { id: empty.id } })).toBeNull();
  });

  it("a group's panel count, kept by the database, equals its panels after every kind of write", async () => {
    const [north, south] = await Promise.all(["north", "south"].map((side) => db.panelGroup.create({ data: { organizationId: orgId, name: `Counted ${side} ${tag}` } })));
    const accountCode = (i: number) => `CNG${tag}${i}`.toUpperCase();
    // Written straight to the database (an import, the seed), then through the console, some at once.
    await db.panel.createMany({ data: [20, 21, 22].map((i) => ({ organizationId: orgId, panelGroupId: north!.id, imei: imei(i), accountCode: accountCode(i) })) });
    await Promise.all([23, 24, 25, 26].map((i) => savePanel(admin, { imei: imei(i), accountCode: accountCode(i), panelGroupId: i % 2 ? south!.id : north!.id, installerAppAccess: true })));
    const panels = await db.panel.findMany({ where: { panelGroupId: { in: [north!.id, south!.id] } }, orderBy: { imei: "asc" } });
    expect(panels).toHaveLength(7);
    // Moved: one by the console, two at once straight in the database; a save that keeps the group.
    await savePanel(admin, { id: panels[0]!.id, imei: panels[0]!.imei, accountCode: panels[0]!.accountCode, panelGroupId: south!.id, installerAppAccess: false });
    await savePanel(admin, { id: panels[1]!.id, imei: panels[1]!.imei, accountCode: panels[1]!.accountCode, panelGroupId: panels[1]!.panelGroupId, installerAppAccess: false });
    await db.panel.updateMany({ where: { id: { in: [panels[2]!.id, panels[3]!.id] } }, data: { panelGroupId: south!.id } });
    // Deleted: by the console and straight in the database.
    await deletePanel(admin, panels[4]!.id);
    await db.panel.delete({ where: { id: panels[5]!.id } });

    const counted = async (id: string) => db.panel.count({ where: { panelGroupId: id } });
    const groups = await listPanelGroups(admin);
    for (const g of groups) expect(g.panels).toBe(await counted(g.id));
    // North keeps 21 and 26; south has 20, 22 and 23.
    expect([groups.find((g) => g.id === north!.id)?.panels, groups.find((g) => g.id === south!.id)?.panels]).toEqual([2, 3]);

    // The grid's total without a search is the sum of the counters of the groups the actor sees.
    expect((await listPanels(admin, {}, south!.id)).total).toBe(await counted(south!.id));
    expect((await listPanels(admin, {})).total).toBe(await db.panel.count({ where: { organizationId: orgId } }));
    const southOnly: Actor = { ...admin, panelGroups: new Set([south!.id]) };
    expect((await listPanels(southOnly, {})).total).toBe(await counted(south!.id));
    expect((await listPanels(southOnly, { q: panels[0]!.imei })).total).toBe(1);
    await expect(listPanels(southOnly, {}, north!.id)).rejects.toThrow();
  });

  it("sites per customer, panels per site, and a contact's sites on the Logins page", async () => {
    const customer = await db.customer.create({ data: { organizationId: orgId, name: `Counted customer ${tag}`, accountNumber: `C-${tag}` } });
    await db.customer.create({ data: { organizationId: orgId, name: `Counted customer ${tag} without sites`, accountNumber: `C0-${tag}` } });
    const sites = await Promise.all([1, 2, 3].map((i) => site(orgId, customer.id, `Counted site ${tag} ${i}`)));
    // Another dealer's customer and sites: never in this dealer's counts.
    const other = await db.customer.create({ data: { organizationId: otherOrgId, name: `Counted customer ${tag}`, accountNumber: `C-${tag}` } });
    await Promise.all([1, 2].map((i) => site(otherOrgId, other.id, `Counted site ${tag} ${i}`)));

    const customers = await listCustomers(admin, { q: `Counted customer ${tag}` });
    expect(customers.rows.map((c) => [c.name, c.sites])).toEqual([
      [`Counted customer ${tag}`, 3],
      [`Counted customer ${tag} without sites`, 0],
    ]);
    await expect(deleteCustomer(admin, customer.id)).rejects.toThrow(`Counted customer ${tag} still has 3 sites.`);

    const group = await db.panelGroup.create({ data: { organizationId: orgId, name: `Counted sites ${tag}` } });
    await Promise.all(
      [0, 1].map((i) => db.panel.create({ data: { organizationId: orgId, panelGroupId: group.id, siteId: sites[0]!.id, imei: imei(10 + i), accountCode: `CNS${tag}${i}`.toUpperCase() } })),
    );
    const siteRows = await listSites(admin, { q: `Counted site ${tag}` });
    expect(siteRows.rows.map((s) => [s.name, s.panels])).toEqual([
      [`Counted site ${tag} 1`, 2],
      [`Counted site ${tag} 2`, 0],
      [`Counted site ${tag} 3`, 0],
    ]);

    const email = `counted-contact-${tag}@example.test`;
    const user = await db.user.create({ data: { organizationId: orgId, email, name: `Counted contact ${tag}`, kind: "CUSTOMER" } });
    const contact = await db.contact.create({ data: { organizationId: orgId, customerId: customer.id, name: `Counted contact ${tag}`, email, userId: user.id } });
    await db.siteContact.createMany({ data: sites.slice(0, 2).map((s) => ({ siteId: s.id, contactId: contact.id })) });
    const linkedTo = `Contact of Counted customer ${tag} (Specific sites: 2)`;
    expect((await listLogins(admin, { q: email })).rows.map((r) => r.linkedTo)).toEqual([linkedTo]);
    expect((await getLogin(admin, user.id)).linkedTo).toBe(linkedTo);
  });

  it("employees per role, jobs per personnel and logins per usergroup", async () => {
    const roles = await listRoles(admin);
    expect(roles.roles.some((r) => r.employees > 0)).toBe(true);
    for (const r of roles.roles) expect(r.employees).toBe(await db.employee.count({ where: { roleId: r.id } }));
    const held = roles.roles.find((r) => !r.builtIn && r.employees > 0) ?? null;
    if (held) await expect(deleteRole(admin, held.id)).rejects.toThrow(`is held by ${held.employees} employee`);

    const customer = await db.customer.create({ data: { organizationId: orgId, name: `Job customer ${tag}`, accountNumber: `J-${tag}` } });
    const jobSite = await site(orgId, customer.id, `Job site ${tag}`);
    const busy = await db.personnel.create({ data: { organizationId: orgId, name: `Counted engineer ${tag} busy` } });
    await db.personnel.create({ data: { organizationId: orgId, name: `Counted engineer ${tag} idle` } });
    await db.job.createMany({ data: [1, 2].map((i) => ({ organizationId: orgId, siteId: jobSite.id, personnelId: busy.id, title: `Counted job ${tag} ${i}` })) });
    const personnel = await listPersonnel(admin, { q: `Counted engineer ${tag}` });
    expect(personnel.rows.map((p) => [p.name, p.jobs])).toEqual([
      [`Counted engineer ${tag} busy`, 2],
      [`Counted engineer ${tag} idle`, 0],
    ]);

    const group = await db.usergroup.create({ data: { organizationId: orgId, name: `Counted usergroup ${tag}`, kind: "EXTERNAL" } });
    await Promise.all([1, 2].map((i) => db.user.create({ data: { organizationId: orgId, email: `counted-${tag}-${i}@example.test`, kind: "AGENT", usergroupId: group.id } })));
    const usergroups = await listUsergroups(admin);
    expect(usergroups.rows.find((g) => g.id === group.id)?.logins).toBe(2);
    for (const g of usergroups.rows) expect(g.logins).toBe(await db.user.count({ where: { usergroupId: g.id } }));
    await expect(deleteUsergroup(admin, { id: group.id })).rejects.toThrow(`Counted usergroup ${tag} still has 2 login(s).`);
  });
});
