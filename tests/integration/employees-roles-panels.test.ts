import { ALL_PERMISSIONS, type Permission } from "@/lib/access/permissions";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/access/actor";
import { addEmployee, assignPanelToEmployee, changeEmployeeRole, deleteEmployee } from "@/lib/employees/mutations";
import { listEmployees } from "@/lib/employees/queries";
import { deleteRole, saveRole } from "@/lib/roles/mutations";
import { listRoles } from "@/lib/roles/queries";
import { DeniedError } from "@/lib/actions/result";
import { deletePanel, deletePanelGroup, savePanel, savePanelGroup } from "@/lib/panels/mutations";
import { getPanelGroup, listPanels } from "@/lib/panels/queries";
import { panelSchema } from "@/lib/panels/schemas";
import { makeImei } from "@/lib/panels/rules";
import { actAs } from "../support/session";
import { createBuiltInRoles } from "@/lib/access/roles";

async function as(email: string): Promise<Actor> {
  await actAs(email);
  return (await getActor())!;
}
const roleId = async (builtIn: string) => (await db.role.findFirstOrThrow({ where: { builtIn, organization: { name: "Northwind Security" } } })).id;

let admin: Actor;
let n = 0;
async function newEmployee(role: string) {
  n++;
  const r = await addEmployee(admin, { fullName: `Staff Member ${n}`, email: `staff${n}@example.test`, phone: "+1 555 8080", country: "US", roleId: await roleId(role) });
  return db.employee.findUniqueOrThrow({ where: { id: r.employeeId } });
}

beforeAll(async () => {
  admin = await as("admin@demo.test");
});

describe("employees", () => {
  it("adds an employee and emails a 72-hour code to choose a password", async () => {
    const e = await newEmployee("INSTALL_TECHNICIAN");
    const code = await db.oneTimeCode.findFirstOrThrow({ where: { userId: e.userId, purpose: "EMPLOYEE_SETUP" } });
    expect(code.expiresAt.getTime() - code.createdAt.getTime()).toBe(72 * 3600 * 1000);
    expect(await db.outboxMessage.count({ where: { to: e.email, template: "employee-setup" } })).toBe(1);
  });

  it("keeps seed 001's Primary Contact rule: change the role to Install Technician, then delete", async () => {
    const contact = await newEmployee("PRIMARY_CONTACT");
    await expect(deleteEmployee(admin, contact.id)).rejects.toThrow(/Primary Contact role.*Install Technician/);
    await changeEmployeeRole(admin, { id: contact.id, roleId: await roleId("INSTALL_TECHNICIAN") });
    await deleteEmployee(admin, contact.id);
    expect(await db.employee.findUnique({ where: { id: contact.id } })).toBeNull();
  });

  it("an employee made Primary Contact at the moment they are deleted is not deleted as one", async () => {
    const e = await newEmployee("INSTALL_TECHNICIAN");
    const primaryContact = await roleId("PRIMARY_CONTACT");
    // Edit privilege at the same moment, made deterministic: the role is given while the
    // organization's row is held, so Delete (started meanwhile) waits, then must see the new role.
    let deleting: Promise<unknown> = Promise.resolve();
    await db.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: e.organizationId }, data: { portalLicences: { increment: 0 } } });
      deleting = deleteEmployee(admin, e.id).then(
        () => "deleted",
        (error: Error) => error.message,
      );
      await new Promise((resolve) => setTimeout(resolve, 400));
      await tx.employee.update({ where: { id: e.id }, data: { roleId: primaryContact } });
    });
    expect(await deleting).toMatch(/Primary Contact role/);
    expect((await db.employee.findUniqueOrThrow({ where: { id: e.id }, include: { role: true } })).role.builtIn).toBe("PRIMARY_CONTACT");
  });

  it("always keeps one Organization Manager", async () => {
    const self = await db.employee.findFirstOrThrow({ where: { email: "admin@demo.test" } });
    await expect(changeEmployeeRole(admin, { id: self.id, roleId: await roleId("INSTALL_TECHNICIAN") })).rejects.toThrow(/cannot change your own role/);
    // Someone holding every permission under a custom role still cannot demote the last one.
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const full = await db.role.create({ data: { organizationId: org.id, name: "Full access", allPanelGroups: true, permissions: { create: ALL_PERMISSIONS.map((permission) => ({ permission })) } } });
    const deputy = await newEmployee("INSTALL_TECHNICIAN");
    await db.employee.update({ where: { id: deputy.id }, data: { roleId: full.id } });
    await expect(changeEmployeeRole(await as(deputy.email), { id: self.id, roleId: await roleId("INSTALL_TECHNICIAN") })).rejects.toThrow(/last Organization Manager/);
    const contact = await as("contact@demo.test");
    await expect(deleteEmployee(contact, self.id)).rejects.toThrow(/last Organization Manager/);
    admin = await as("admin@demo.test");
  });

  it("two Organization Managers demoting or deleting each other at once leave one", async () => {
    // An organization of its own, with exactly these two Organization Managers.
    const org = await db.organization.create({ data: { name: `Two managers ${n++}` } });
    const roles = await db.$transaction((tx) => createBuiltInRoles(tx, org.id));
    const managers = [];
    for (const who of ["first", "second"]) {
      const email = `${who}.manager.${org.id}@example.test`;
      const user = await db.user.create({ data: { organizationId: org.id, email, kind: "EMPLOYEE" } });
      const employee = await db.employee.create({ data: { organizationId: org.id, userId: user.id, fullName: `${who} manager`, email, phone: "", country: "US", roleId: roles.ORGANIZATION_MANAGER } });
      managers.push({ employee, actor: { ...(await as(email)) } });
    }
    const [first, second] = managers as [(typeof managers)[0], (typeof managers)[0]];
    const organizationManagers = () => db.employee.count({ where: { organizationId: org.id, role: { builtIn: "ORGANIZATION_MANAGER" } } });
    for (let round = 0; round < 5; round++) {
      await db.employee.updateMany({ where: { organizationId: org.id }, data: { roleId: roles.ORGANIZATION_MANAGER } });
      const results = await Promise.allSettled([
        changeEmployeeRole(first.actor, { id: second.employee.id, roleId: roles.INSTALL_TECHNICIAN }),
        changeEmployeeRole(second.actor, { id: first.employee.id, roleId: roles.INSTALL_TECHNICIAN }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(String((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toMatch(/last Organization Manager/);
      expect(await organizationManagers()).toBe(1);
    }
    await db.employee.updateMany({ where: { organizationId: org.id }, data: { roleId: roles.ORGANIZATION_MANAGER } });
    const deleted = await Promise.allSettled([deleteEmployee(first.actor, second.employee.id), deleteEmployee(second.actor, first.employee.id)]);
    expect(deleted.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await organizationManagers()).toBe(1);
    await db.organization.delete({ where: { id: org.id } });
    admin = await as("admin@demo.test");
  });

  it("cuts the employee's sessions when the role changes", async () => {
    const e = await newEmployee("INSTALL_TECHNICIAN");
    await db.user.update({ where: { id: e.userId }, data: { passwordHash: "x" } });
    await actAs(e.email);
    expect((await getActor())?.roleName).toBe("Install Technician");
    await changeEmployeeRole(admin, { id: e.id, roleId: await roleId("INSTALLER_MANAGER") });
    expect(await getActor()).toBeNull();
    admin = await as("admin@demo.test");
  });

  it("refuses to give a role with permissions the actor does not hold", async () => {
    const manager = await db.employee.findFirstOrThrow({ where: { email: "manager@demo.test" } });
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const role = await db.role.create({
      data: { organizationId: org.id, name: "Privilege editor", permissions: { create: [{ permission: "employees.view" }, { permission: "employees.editPrivilege" }] } },
    });
    const e = await newEmployee("INSTALL_TECHNICIAN");
    await db.employee.update({ where: { id: e.id }, data: { roleId: role.id } });
    const editor = await as(e.email);
    await expect(changeEmployeeRole(editor, { id: manager.id, roleId: await roleId("ORGANIZATION_MANAGER") })).rejects.toThrow(/beyond your own/);
    expect((await db.employee.findUniqueOrThrow({ where: { id: manager.id } })).roleId).toBe(await roleId("INSTALLER_MANAGER"));
    admin = await as("admin@demo.test");
  });

  it("refuses to delete someone whose role is beyond the actor's own", async () => {
    const manager = await db.employee.findFirstOrThrow({ where: { email: "manager@demo.test" } });
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const role = await db.role.create({ data: { organizationId: org.id, name: "Remover", permissions: { create: [{ permission: "employees.view" }, { permission: "employees.delete" }] } } });
    const remover = await newEmployee("INSTALL_TECHNICIAN");
    const peer = await newEmployee("INSTALL_TECHNICIAN");
    await db.employee.updateMany({ where: { id: { in: [remover.id, peer.id] } }, data: { roleId: role.id } });
    const actor = await as(remover.email);
    await expect(deleteEmployee(actor, manager.id)).rejects.toThrow(/cannot delete .*beyond your own/);
    expect(await db.employee.findUnique({ where: { id: manager.id } })).not.toBeNull();
    // Someone with the same role (nothing beyond the actor's) is deleted.
    await deleteEmployee(actor, peer.id);
    expect(await db.employee.findUnique({ where: { id: peer.id } })).toBeNull();
    admin = await as("admin@demo.test");
  });

  it("searches and sorts the grid", async () => {
    const r = await listEmployees(admin, { q: "taylor", sort: "role", dir: "asc" });
    expect(r.rows.map((e) => e.email)).toContain("tech@demo.test");
  });
});

describe("roles", () => {
  it("two admins editing one role: each save applies its own changes, so neither undoes the other's, also when saved at once", async () => {
    const admin = await as("admin@demo.test");
    const manager = await as("contact@demo.test");
    const created = await saveRole(admin, { name: `Shared role ${Date.now()}`, permissions: ["installers.view", "panels.view"], allPanelGroups: true, panelGroupIds: [] });
    const id = created.roleId;
    const permissionsOf = async () => (await db.rolePermission.findMany({ where: { roleId: id } })).map((p) => p.permission as Permission).sort();
    const role = await db.role.findUniqueOrThrow({ where: { id } });
    const shown = { name: role.name, permissions: ["installers.view", "panels.view"], allPanelGroups: true, panelGroupIds: [] };
    // Both editors opened on the same role; the first adds Accept installers and renames it, the second removes View panels.
    await saveRole(admin, { id, name: `${role.name} renamed`, permissions: ["installers.view", "installers.accept", "panels.view"], allPanelGroups: true, panelGroupIds: [], shown });
    await saveRole(manager, { id, name: role.name, permissions: ["installers.view"], allPanelGroups: true, panelGroupIds: [], shown });
    expect(await permissionsOf()).toEqual(["installers.accept", "installers.view"]);
    expect((await db.role.findUniqueOrThrow({ where: { id } })).name).toBe(`${role.name} renamed`);
    // At the same moment (PostgreSQL runs them together): each adds one permission to what both showed.
    const pairs: [Permission, Permission][] = [
      ["sites.view", "customers.view"],
      ["jobs.view", "panels.view"],
      ["sites.manage", "customers.manage"],
    ];
    for (const [extra, other] of pairs) {
      const before = await permissionsOf();
      const at = { ...shown, name: `${role.name} renamed`, permissions: before };
      await Promise.all([
        saveRole(admin, { id, name: at.name, permissions: [...before, extra], allPanelGroups: true, panelGroupIds: [], shown: at }),
        saveRole(manager, { id, name: at.name, permissions: [...before, other], allPanelGroups: true, panelGroupIds: [], shown: at }),
      ]);
      expect(await permissionsOf()).toEqual([...before, extra, other].sort());
    }
    // Without what the editor showed (an older client, a script), the values replace the role's, as before.
    await saveRole(admin, { id, name: `${role.name} renamed`, permissions: ["installers.view"], allPanelGroups: true, panelGroupIds: [] });
    expect(await permissionsOf()).toEqual(["installers.view"]);
  });

  it("two roles saved with one name at once: one is made, the other is told the name is taken", async () => {
    const admin = await as("admin@demo.test");
    const name = `Twin role ${Date.now()}`;
    const results = await Promise.allSettled([0, 1].map(() => saveRole(admin, { name, permissions: ["installers.view"], allPanelGroups: true, panelGroupIds: [] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ fieldErrors: { name: "A role with this name already exists." } });
    expect(await db.role.count({ where: { name } })).toBe(1);
  });

  it("cannot grant permissions or panel groups the actor does not hold", async () => {
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const north = await db.panelGroup.findFirstOrThrow({ where: { organizationId: org.id, name: "North region" } });
    const south = await db.panelGroup.findFirstOrThrow({ where: { organizationId: org.id, name: "South region" } });
    const role = await db.role.create({
      data: {
        organizationId: org.id,
        name: "Role admin",
        allPanelGroups: false,
        panelGroups: { create: [{ panelGroupId: north.id }] },
        permissions: { create: [{ permission: "roles.view" }, { permission: "roles.manage" }, { permission: "installers.view" }] },
      },
    });
    const e = await newEmployee("INSTALL_TECHNICIAN");
    await db.employee.update({ where: { id: e.id }, data: { roleId: role.id } });
    const roleAdmin = await as(e.email);
    await expect(saveRole(roleAdmin, { name: "Too strong", permissions: ["installers.view", "settings.manage"], allPanelGroups: false, panelGroupIds: [] })).rejects.toThrow(/Change settings/);
    await expect(saveRole(roleAdmin, { name: "All groups", permissions: ["installers.view"], allPanelGroups: true, panelGroupIds: [] })).rejects.toThrow(/all panel groups/);
    await expect(saveRole(roleAdmin, { name: "South", permissions: ["installers.view"], allPanelGroups: false, panelGroupIds: [south.id] })).rejects.toThrow(/panel groups from the list/);
    const ok = await saveRole(roleAdmin, { name: "Viewer", permissions: ["installers.view"], allPanelGroups: false, panelGroupIds: [north.id] });
    expect(await db.rolePermission.findMany({ where: { roleId: ok.roleId } })).toHaveLength(1);
    // A role beyond their own (more permissions, or all panel groups) they may view, not change or delete:
    // taking permissions away from those above them is refused as a denial, and nothing changes.
    const installerManager = await roleId("INSTALLER_MANAGER");
    const before = await db.rolePermission.count({ where: { roleId: installerManager } });
    await expect(saveRole(roleAdmin, { id: installerManager, name: "Installer Manager", permissions: ["installers.view"], allPanelGroups: false, panelGroupIds: [north.id] })).rejects.toThrow(
      /cannot change the role Installer Manager: it has permissions or panel groups beyond your own/,
    );
    expect(await db.rolePermission.count({ where: { roleId: installerManager } })).toBe(before);
    const wide = await db.role.create({ data: { organizationId: org.id, name: "Wide viewer", allPanelGroups: true, permissions: { create: [{ permission: "installers.view" }] } } });
    await expect(saveRole(roleAdmin, { id: wide.id, name: "Wide viewer", permissions: [], allPanelGroups: false, panelGroupIds: [north.id] })).rejects.toThrow(/beyond your own/);
    await expect(deleteRole(roleAdmin, wide.id)).rejects.toThrow(/cannot delete the role Wide viewer/);
    expect(await db.role.findUnique({ where: { id: wide.id } })).not.toBeNull();
    // A denial (DeniedError), which the action builder audits, not a mistake in the form.
    await expect(deleteRole(roleAdmin, wide.id)).rejects.toBeInstanceOf(DeniedError);
    const listed = new Map((await listRoles(roleAdmin)).roles.map((r) => [r.name, r.withinMine]));
    expect([listed.get("Installer Manager"), listed.get("Wide viewer"), listed.get("Viewer"), listed.get("Organization Manager")]).toEqual([false, false, true, false]);
    // Within their own, they still edit and delete.
    await saveRole(roleAdmin, { id: ok.roleId, name: "Viewer", permissions: [], allPanelGroups: false, panelGroupIds: [north.id] });
    await deleteRole(roleAdmin, ok.roleId);
    await deleteRole(admin, wide.id);
    admin = await as("admin@demo.test");
  });

  it("refuses to delete built-in roles and roles in use, saying how many hold them", async () => {
    await expect(deleteRole(admin, await roleId("INSTALL_TECHNICIAN"))).rejects.toThrow(/built-in/);
    const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
    const role = await db.role.create({ data: { organizationId: org.id, name: "In use" } });
    const e = await newEmployee("INSTALL_TECHNICIAN");
    await db.employee.update({ where: { id: e.id }, data: { roleId: role.id } });
    await expect(deleteRole(admin, role.id)).rejects.toThrow("In use is held by 1 employee. Give them another role first.");
    await db.employee.update({ where: { id: e.id }, data: { roleId: await roleId("INSTALL_TECHNICIAN") } });
    await deleteRole(admin, role.id);
  });
});

describe("panels and panel groups", () => {
  it("validate IMEI check digits and hexadecimal account codes", () => {
    expect(panelSchema.safeParse({ imei: "490154203237518", accountCode: "ab12", panelGroupId: "g" }).data?.accountCode).toBe("AB12");
    expect(panelSchema.safeParse({ imei: "490154203237519", accountCode: "AB12", panelGroupId: "g" }).success).toBe(false);
    expect(panelSchema.safeParse({ imei: "4901542032375", accountCode: "AB12", panelGroupId: "g" }).success).toBe(false);
    expect(panelSchema.safeParse({ imei: "490154203237518", accountCode: "XYZ1", panelGroupId: "g" }).success).toBe(false);
    expect(panelSchema.safeParse({ imei: "490154203237518", accountCode: "ABCDEF0", panelGroupId: "g" }).success).toBe(false);
  });

  it("keep IMEI and account code unique per organization", async () => {
    const group = await db.panelGroup.findFirstOrThrow({ where: { name: "Commercial" } });
    const existing = await db.panel.findFirstOrThrow({ where: { panelGroup: { name: "Commercial" } } });
    await expect(savePanel(admin, { imei: existing.imei, accountCode: "FFFF1", panelGroupId: group.id, installerAppAccess: true })).rejects.toThrow(/IMEI already exists/);
    await expect(savePanel(admin, { imei: makeImei("35693803777777"), accountCode: existing.accountCode, panelGroupId: group.id, installerAppAccess: true })).rejects.toThrow(
      /account code already exists/,
    );
  });

  it("show each role only the groups it can see, by list and by URL", async () => {
    const tech = await as("tech@demo.test");
    const list = await listPanels(tech, { size: "200" });
    expect(new Set(list.rows.map((p) => p.panelGroupName))).toEqual(new Set(["North region", "Residential"]));
    const south = await db.panelGroup.findFirstOrThrow({ where: { name: "South region", organization: { name: "Northwind Security" } } });
    await expect(getPanelGroup(tech, south.id)).rejects.toThrow(/not found/);
    await expect(listPanels(tech, {}, south.id)).rejects.toThrow(/not found/);
    admin = await as("admin@demo.test");
  });

  it("delete a group only when empty, and a panel with its assignment counts", async () => {
    const commercial = await db.panelGroup.findFirstOrThrow({ where: { name: "Commercial", organization: { name: "Northwind Security" } } });
    await expect(deletePanelGroup(admin, commercial.id)).rejects.toThrow(/still has \d+ panels/);
    await savePanelGroup(admin, { name: "Temporary" });
    const temp = await db.panelGroup.findFirstOrThrow({ where: { name: "Temporary" } });
    await savePanel(admin, { imei: makeImei("35693803555555"), accountCode: "DEAD1", panelGroupId: temp.id, installerAppAccess: true });
    const panel = await db.panel.findFirstOrThrow({ where: { accountCode: "DEAD1" } });
    const e = await newEmployee("ORGANIZATION_MANAGER");
    await assignPanelToEmployee(admin, e.id, panel.id);
    expect((await db.employee.findUniqueOrThrow({ where: { id: e.id } })).panelCount).toBe(1);
    await deletePanel(admin, panel.id);
    expect((await db.employee.findUniqueOrThrow({ where: { id: e.id } })).panelCount).toBe(0);
    await deletePanelGroup(admin, temp.id);
    expect(await db.panelGroup.findUnique({ where: { id: temp.id } })).toBeNull();
  });
});
