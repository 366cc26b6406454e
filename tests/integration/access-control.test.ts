// No escalation through roles: an employee who may edit privileges, add employees or convert
// installers can only give roles within their own permissions and panel groups, can only change the
// role of someone whose role is within their own, and never their own; someone whose role is beyond
// theirs they may view, not edit, reset, delete or give panels to. Refusals change nothing and are
// audited as denials.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  addEmployeeAction,
  assignEmployeePanelAction,
  deleteEmployeeAction,
  editEmployeeAction,
  editPrivilegeAction,
  resetEmployeeMfaAction,
  resetEmployeePasswordAction,
  unassignEmployeePanelAction,
} from "@/app/(admin)/employees/actions";
import { getActor } from "@/lib/auth/current";
import { listEmployees } from "@/lib/employees/queries";
import { convertInstallerAction, listConversionRolesAction } from "@/app/(admin)/installers/actions";
import { actAs, callerAddress, databaseFingerprint } from "../support/session";

const ESCALATOR = "escalator@demo.test";
let ids: {
  ownRole: string;
  allGroupsRole: string;
  withinRole: string;
  managerRole: string;
  primaryContact: string;
  peer: string;
  me: string;
  installer: string;
  assignedPanel: string;
  freePanel: string;
};

beforeAll(async () => {
  const org = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
  const group = await db.panelGroup.findFirstOrThrow({ where: { organizationId: org.id, name: "Commercial" } });
  const perms = [
    "employees.view",
    "employees.add",
    "employees.edit",
    "employees.editPrivilege",
    "employees.resetPassword",
    "employees.resetMfa",
    "employees.delete",
    "employees.assignPanels",
    "installers.view",
    "installers.convert",
  ];
  const ownRole = await db.role.create({
    data: {
      organizationId: org.id,
      name: "Tech with privilege edit",
      allPanelGroups: false,
      permissions: { create: perms.map((permission) => ({ permission })) },
      panelGroups: { create: [{ panelGroupId: group.id }] },
    },
  });
  // Fewer permissions, but visibility of every panel group: beyond the escalator's own.
  const allGroupsRole = await db.role.create({ data: { organizationId: org.id, name: "Sees everything", allPanelGroups: true, permissions: { create: [{ permission: "installers.view" }] } } });
  const withinRole = await db.role.create({
    data: { organizationId: org.id, name: "Within", allPanelGroups: false, permissions: { create: [{ permission: "installers.view" }] }, panelGroups: { create: [{ panelGroupId: group.id }] } },
  });
  const managerRole = await db.role.findFirstOrThrow({ where: { organizationId: org.id, builtIn: "ORGANIZATION_MANAGER" } });
  const make = async (email: string, roleId: string) => {
    const user = await db.user.create({ data: { organizationId: org.id, email, kind: "EMPLOYEE" } });
    return (await db.employee.create({ data: { organizationId: org.id, userId: user.id, fullName: email.split("@")[0]!, email, phone: "", country: "US", roleId } })).id;
  };
  const me = await make(ESCALATOR, ownRole.id);
  const peer = await make("peer.within@demo.test", withinRole.id);
  const primaryContact = (await db.employee.findFirstOrThrow({ where: { email: "contact@demo.test" } })).id;
  const installer = (await db.installer.findFirstOrThrow({ where: { organizationId: org.id, status: "ACCEPTED" } })).id;
  // Two panels of the group the escalator sees: one assigned to the Primary Contact, one not.
  const [assignedPanel, freePanel] = await db.panel.findMany({ where: { panelGroupId: group.id, employees: { none: { employeeId: primaryContact } } }, take: 2, orderBy: { imei: "asc" } });
  await db.employeePanel.create({ data: { employeeId: primaryContact, panelId: assignedPanel!.id } });
  await db.employee.update({ where: { id: primaryContact }, data: { panelCount: { increment: 1 } } });
  ids = {
    ownRole: ownRole.id,
    allGroupsRole: allGroupsRole.id,
    withinRole: withinRole.id,
    managerRole: managerRole.id,
    primaryContact,
    peer,
    me,
    installer,
    assignedPanel: assignedPanel!.id,
    freePanel: freePanel!.id,
  };
});

async function refusedUnchanged(call: () => Promise<unknown>, message: RegExp) {
  await actAs(ESCALATOR);
  const before = await databaseFingerprint();
  const deniedBefore = await db.auditEvent.count({ where: { actorEmail: ESCALATOR, action: "access.denied" } });
  const result = (await call()) as { ok: boolean; error?: string };
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(message);
  expect(await databaseFingerprint()).toBe(before);
  expect(await db.auditEvent.count({ where: { actorEmail: ESCALATOR, action: "access.denied" } })).toBe(deniedBefore + 1);
}

describe("no escalation through roles", () => {
  it("cannot demote the Primary Contact, whose role holds more than the escalator's", async () => {
    await refusedUnchanged(() => editPrivilegeAction({ id: ids.primaryContact, roleId: ids.withinRole }), /cannot change the role of .*beyond your own/);
  });

  it("cannot edit, reset the password or two-step verification of, delete, or give or take panels of someone whose role is beyond their own", async () => {
    const pc = ids.primaryContact;
    await refusedUnchanged(() => editEmployeeAction({ id: pc, fullName: "Renamed", phone: "+1 555 0101", country: "US" }), /cannot edit .*beyond your own/);
    await refusedUnchanged(() => resetEmployeePasswordAction({ id: pc }), /cannot reset the password of .*beyond your own/);
    await refusedUnchanged(() => resetEmployeeMfaAction({ id: pc }), /cannot reset two-step verification of .*beyond your own/);
    await refusedUnchanged(() => deleteEmployeeAction({ id: pc }), /cannot delete .*beyond your own/);
    await refusedUnchanged(() => assignEmployeePanelAction({ employeeId: pc, panelId: ids.freePanel }), /cannot assign panels to .*beyond your own/);
    await refusedUnchanged(() => unassignEmployeePanelAction({ employeeId: pc, panelId: ids.assignedPanel }), /cannot unassign panels from .*beyond your own/);
    // The Employees page shows them as such, and a peer within their own as changeable.
    const shown = async (q: string) => (await listEmployees(await getActor(), { q })).rows.map((r) => [r.id, r.beyondYours]);
    expect(await shown("contact@demo.test")).toEqual([[pc, true]]);
    expect(await shown("peer.within@demo.test")).toEqual([[ids.peer, false]]);
    // Someone whose role is within theirs they may change.
    expect(await editEmployeeAction({ id: ids.peer, fullName: "Peer Within", phone: "+1 555 0102", country: "US" })).toMatchObject({ ok: true });
    expect(await assignEmployeePanelAction({ employeeId: ids.peer, panelId: ids.freePanel })).toMatchObject({ ok: true });
    expect(await unassignEmployeePanelAction({ employeeId: ids.peer, panelId: ids.freePanel })).toMatchObject({ ok: true });
  });

  it("cannot give a role that sees every panel group, even with fewer permissions", async () => {
    await refusedUnchanged(() => editPrivilegeAction({ id: ids.peer, roleId: ids.allGroupsRole }), /beyond your own/);
    await refusedUnchanged(() => editPrivilegeAction({ id: ids.peer, roleId: ids.managerRole }), /beyond your own/);
  });

  it("cannot change their own role", async () => {
    await actAs(ESCALATOR);
    const before = await databaseFingerprint();
    const result = await editPrivilegeAction({ id: ids.me, roleId: ids.withinRole });
    expect(result).toMatchObject({ ok: false, error: "You cannot change your own role. Ask another Organization Manager." });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("cannot add an employee with a role beyond their own", async () => {
    await refusedUnchanged(
      () => addEmployeeAction({ fullName: "Mallory Escalate", email: "mallory.escalate@demo.test", phone: "+1 555 4444", country: "US", roleId: ids.allGroupsRole }),
      /beyond your own/,
    );
  });

  it("cannot convert an installer into a role beyond their own", async () => {
    await refusedUnchanged(
      () => convertInstallerAction({ installerId: ids.installer, fullName: "Converted Escalate", phone: "+1 555 0000", country: "US", roleId: ids.managerRole }),
      /beyond your own/,
    );
  });

  it("is offered for a conversion only the roles within their own, which the conversion then accepts", async () => {
    await actAs(ESCALATOR);
    const result = await listConversionRolesAction();
    expect(result.ok).toBe(true);
    const offered = (result.ok ? (result.data ?? []) : []).map((r) => r.id);
    expect(offered).toEqual(expect.arrayContaining([ids.ownRole, ids.withinRole]));
    expect(offered).not.toContain(ids.allGroupsRole); // fewer permissions, but every panel group
    expect(offered).not.toContain(ids.managerRole);
  });

  it("may give a role within their own to someone whose role is within their own", async () => {
    await actAs(ESCALATOR);
    await db.employee.update({ where: { id: ids.peer }, data: { roleId: ids.withinRole } });
    const result = await editPrivilegeAction({ id: ids.peer, roleId: ids.ownRole });
    expect(result).toMatchObject({ ok: true });
    expect((await db.employee.findUniqueOrThrow({ where: { id: ids.peer } })).roleId).toBe(ids.ownRole);
  });
});

describe("bulk actions naming another organization's rows", () => {
  it("are refused whole, audited, and change nothing", async () => {
    const { acceptInstallersAction, rejectInstallersAction, removeInstallersAction } = await import("@/app/(admin)/installers/actions");
    const own = await db.installer.findMany({ where: { organization: { name: "Northwind Security" }, status: { in: ["PENDING", "ACCEPTED"] } }, take: 2 });
    const foreign = await db.installer.findFirstOrThrow({ where: { organization: { name: "Other Alarms Ltd" } } });
    const ids = [...own.map((i) => i.id), foreign.id];
    for (const call of [acceptInstallersAction, rejectInstallersAction, removeInstallersAction]) {
      await actAs("admin@demo.test");
      const before = await databaseFingerprint();
      const denials = await db.auditEvent.count({ where: { actorEmail: "admin@demo.test", action: "access.denied" } });
      const result = await call({ ids });
      expect(result).toMatchObject({ ok: false, error: "The selection is not valid. Nothing was changed." });
      expect(await databaseFingerprint()).toBe(before);
      expect(await db.auditEvent.count({ where: { actorEmail: "admin@demo.test", action: "access.denied" } })).toBe(denials + 1);
    }
  });
});

describe("emails of another organization's accounts", () => {
  it("get the neutral message for an unusable email, not that an account exists", async () => {
    const { registerInstallerAction } = await import("@/app/(admin)/installers/actions");
    const role = await db.role.findFirstOrThrow({ where: { organization: { name: "Northwind Security" }, builtIn: "INSTALL_TECHNICIAN" } });
    const neutral = { ok: false, error: "This email address cannot be used. Use another email address.", fieldErrors: { email: "This email address cannot be used. Use another email address." } };
    await actAs("admin@demo.test");
    const foreignInstaller = await db.installer.findFirstOrThrow({ where: { organization: { name: "Other Alarms Ltd" } } });
    for (const email of ["admin@other.test", foreignInstaller.email]) {
      const before = await databaseFingerprint();
      expect(await registerInstallerAction({ name: "Someone Else", email, phone: "+1 555 1212" })).toEqual(neutral);
      expect(await addEmployeeAction({ fullName: "Someone Else", email, phone: "+1 555 1212", country: "US", roleId: role.id })).toEqual(neutral);
      expect(await databaseFingerprint()).toBe(before);
    }
    // Within the organization, the admin is told (they can see that row anyway).
    expect(await addEmployeeAction({ fullName: "Again", email: "tech@demo.test", phone: "+1 555 1212", country: "US", roleId: role.id })).toMatchObject({
      ok: false,
      error: "An account with this email already exists.",
    });
  });
});

describe("denials in the audit log", () => {
  it("records another organization's record, and a signed-out call, with the caller's address", async () => {
    const { editEmployeeAction } = await import("@/app/(admin)/employees/actions");
    const employee = await db.employee.findFirstOrThrow({ where: { email: "tech@demo.test" } });
    await actAs("admin@other.test");
    expect(await editEmployeeAction({ id: employee.id, fullName: "Hijacked", phone: "+1 555 0000", country: "US" })).toMatchObject({ ok: false });
    const notFound = await db.auditEvent.findFirstOrThrow({ where: { action: "access.not_found", actorEmail: "admin@other.test" }, orderBy: { createdAt: "desc" } });
    expect([notFound.outcome, notFound.ip]).toEqual(["DENIED", "203.0.113.7"]);
    await actAs(null);
    const before = await db.auditEvent.count({ where: { action: "access.unauthenticated" } });
    expect(await editEmployeeAction({ id: employee.id, fullName: "Hijacked", phone: "+1 555 0000", country: "US" })).toMatchObject({ ok: false });
    const anonymous = await db.auditEvent.findMany({ where: { action: "access.unauthenticated" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(await db.auditEvent.count({ where: { action: "access.unauthenticated" } })).toBe(before + 1);
    expect(anonymous[0]!.ip).toBe("203.0.113.7");
  });

  it("records at most 30 signed-out calls a minute from one address, and says so once", async () => {
    const { editEmployeeAction } = await import("@/app/(admin)/employees/actions");
    const employee = await db.employee.findFirstOrThrow({ where: { email: "tech@demo.test" } });
    await actAs(null);
    callerAddress.current = "198.51.100.9";
    for (let i = 0; i < 45; i++) expect(await editEmployeeAction({ id: employee.id, fullName: "Flood", phone: "+1 555 0000", country: "US" })).toMatchObject({ ok: false });
    const flood = await db.auditEvent.findMany({ where: { action: "access.unauthenticated", ip: "198.51.100.9" } });
    expect(flood).toHaveLength(31);
    expect(flood.filter((e) => e.detail?.includes("called without a session"))).toHaveLength(30);
    expect(flood.filter((e) => e.detail === "more than 30 a minute from this address: the rest of this minute's are not recorded")).toHaveLength(1);
    // Another address is recorded as before.
    callerAddress.current = "203.0.113.8";
    await editEmployeeAction({ id: employee.id, fullName: "Flood", phone: "+1 555 0000", country: "US" });
    expect(await db.auditEvent.count({ where: { action: "access.unauthenticated", ip: "203.0.113.8" } })).toBe(1);
  });

  it("records sign-in-link requests with the caller's address", async () => {
    const { signInLinkProvider } = await import("@/lib/auth/sign-in-link");
    await signInLinkProvider.sendVerificationRequest({
      identifier: "liam.smith@installers.test",
      url: "http://localhost:3000/api/auth/callback/installer-link?token=t&email=x",
      expires: new Date(Date.now() + 60_000),
    } as never);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_link.request", actorEmail: "liam.smith@installers.test" }, orderBy: { createdAt: "desc" } });
    expect(event.ip).toBe("203.0.113.7");
  });
});
