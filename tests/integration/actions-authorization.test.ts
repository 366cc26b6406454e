// Every server action is a public HTTP endpoint. This test finds them all and proves that
// each one refuses an anonymous caller, an employee without the permission, an account of
// another kind and (for actions that name records) an admin of another organization,
// leaving the database unchanged. A new action without an entry below fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actAs, databaseFingerprint, ensureNoPermissionEmployee } from "../support/session";
import { allServerActions, type ActionRef } from "../support/actions";
import { makeImei } from "@/lib/panels/rules";

/** Entry points that must work signed out; each is covered by its own tests. */
const PUBLIC_ACTIONS = new Set([
  "(auth)/login:signInAction",
  "(auth)/forgot-password:requestPasswordResetAction",
  "(auth)/forgot-password:completePasswordResetAction",
  "(admin):signOutAction",
  "installer:installerSignOutAction",
  "installer/login:installerSignInAction",
  "installer/login:emailSignInLinkAction",
  "installer/register:completeRegistrationAction",
  "installer/forgot-password:requestInstallerPasswordResetAction",
  "installer/forgot-password:completeInstallerPasswordResetAction",
  "(auth)/setup-password:completeEmployeeSetupAction",
  "(auth)/login/mfa:verifyMfaAction",
  "app/login:customerSignInAction",
  "app:customerSignOutAction",
  "app/forgot-password:requestCustomerPasswordResetAction",
  "app/activate/[token]:sendActivationCodeAction",
  "app/activate/[token]:completeActivationAction",
]);

/** Actions on the caller's own account: any signed-in user may call them, nobody signed out (tests/integration/sessions.test.ts). */
const SELF_SERVICE_ACTIONS = new Set([
  "(admin):signOutOtherSessionsAction",
  "installer:installerSignOutOtherSessionsAction",
  "(admin)/account/password:changePasswordAction",
  "installer/account/password:installerChangePasswordAction",
  "(admin)/account/mfa:confirmMfaEnrolmentAction",
  "(admin)/account/mfa:regenerateRecoveryCodesAction",
  "(admin)/account/mfa:disableMfaAction",
  "app:customerSignOutOtherSessionsAction",
]);

type Fixtures = {
  installerId: string;
  pendingId: string;
  acceptedId: string;
  otherInstallerId: string;
  panelId: string;
  assignedPanelId: string;
  roleId: string;
  managerRoleId: string;
  spareRoleId: string;
  employeeId: string;
  employeePanelId: string;
  groupId: string;
  emptyGroupId: string;
  customerId: string;
  emptyCustomerId: string;
  siteIds: Record<string, string>;
  credentialGroupId: string;
  spareCredentialGroupId: string;
  failedMessageId: string;
  contactId: string;
  userCodeId: string;
  loginId: string;
  usergroupId: string;
  agentId: string;
  infoContactId: string;
  personnelId: string;
  jobId: string;
};
/** read: the action only reads; a refusal must also return no data. */
type Case = { args: (f: Fixtures) => unknown[]; namesRecords?: boolean; read?: boolean };

/** Valid payloads: a refusal must come from the permission check, not from bad input. */
const CASES: Record<string, Case> = {
  "(admin)/settings/email:saveSmtpSettingsAction": { args: () => [{ host: "smtp.attacker.test", port: 25, secure: false, username: "x", password: "y", fromAddress: "a@attacker.test" }] },
  "(admin)/settings/email:removeSmtpSettingsAction": { args: () => [] },
  "(admin)/settings/email:sendTestEmailAction": { args: () => [] },
  "(admin)/settings/email:retryFailedMessageAction": { args: (f) => [{ id: f.failedMessageId }], namesRecords: true },
  "(admin)/installers:registerInstallerAction": { args: () => [{ name: "Mallory Intruder", email: "mallory@attacker.test", phone: "+1 555 9999" }] },
  "(admin)/installers:resendRegistrationCodeAction": { args: (f) => [{ installerId: f.pendingId }], namesRecords: true },
  "(admin)/installers:acceptInstallersAction": { args: (f) => [{ ids: [f.pendingId] }], namesRecords: true },
  "(admin)/installers:rejectInstallersAction": { args: (f) => [{ ids: [f.acceptedId] }], namesRecords: true },
  "(admin)/installers:removeInstallersAction": { args: (f) => [{ ids: [f.installerId, f.acceptedId] }], namesRecords: true },
  "(admin)/installers:resetInstallerPasswordAction": { args: (f) => [{ installerId: f.acceptedId }], namesRecords: true },
  "(admin)/installers:convertInstallerAction": { args: (f) => [{ installerId: f.acceptedId, fullName: "Converted", phone: "+1 555 0000", country: "US", roleId: f.roleId }], namesRecords: true },
  "(admin)/installers:assignPanelAction": { args: (f) => [{ installerId: f.installerId, panelId: f.panelId }], namesRecords: true },
  "(admin)/installers:unassignPanelAction": { args: (f) => [{ installerId: f.acceptedId, panelId: f.assignedPanelId }], namesRecords: true },
  "(admin)/installers:searchAssignablePanelsAction": { args: (f) => [{ installerId: f.installerId, q: "" }], namesRecords: true, read: true },
  "(admin)/installers:listConversionRolesAction": { args: () => [], read: true },
  "(admin)/employees:addEmployeeAction": { args: (f) => [{ fullName: "Mallory", email: "mallory.employee@attacker.test", phone: "+1 555 9999", country: "US", roleId: f.roleId }] },
  "(admin)/employees:editEmployeeAction": { args: (f) => [{ id: f.employeeId, fullName: "Hacked", phone: "+1 555 0000", country: "US" }], namesRecords: true },
  "(admin)/employees:editPrivilegeAction": { args: (f) => [{ id: f.employeeId, roleId: f.managerRoleId }], namesRecords: true },
  "(admin)/employees:resetEmployeePasswordAction": { args: (f) => [{ id: f.employeeId }], namesRecords: true },
  "(admin)/employees:resetEmployeeMfaAction": { args: (f) => [{ id: f.employeeId }], namesRecords: true },
  "(admin)/settings/security:setRequireMfaAction": { args: () => [{ requireMfa: true }] },
  "(admin)/employees:deleteEmployeeAction": { args: (f) => [{ id: f.employeeId }], namesRecords: true },
  "(admin)/employees:assignEmployeePanelAction": { args: (f) => [{ employeeId: f.employeeId, panelId: f.panelId }], namesRecords: true },
  "(admin)/employees:unassignEmployeePanelAction": { args: (f) => [{ employeeId: f.employeeId, panelId: f.employeePanelId }], namesRecords: true },
  "(admin)/employees:searchEmployeePanelsAction": { args: (f) => [{ employeeId: f.employeeId, q: "" }], namesRecords: true, read: true },
  "(admin)/roles:saveRoleAction": {
    args: (f) => [{ id: f.spareRoleId, name: "Escalated", permissions: ["installers.view", "roles.manage"], allPanelGroups: true, panelGroupIds: [] }],
    namesRecords: true,
  },
  "(admin)/roles:deleteRoleAction": { args: (f) => [{ id: f.spareRoleId }], namesRecords: true },
  "(admin)/panels:savePanelAction": { args: (f) => [{ id: f.panelId, imei: makeImei("35693803999999"), accountCode: "ABCD", panelGroupId: f.groupId, installerAppAccess: false }], namesRecords: true },
  "(admin)/panels:deletePanelAction": { args: (f) => [{ id: f.panelId }], namesRecords: true },
  "(admin)/panels:setPanelAccessAction": { args: (f) => [{ id: f.panelId, installerAppAccess: false }], namesRecords: true },
  "(admin)/panels:savePanelGroupAction": { args: (f) => [{ id: f.groupId, name: "Renamed by intruder" }], namesRecords: true },
  "(admin)/panels:deletePanelGroupAction": { args: (f) => [{ id: f.emptyGroupId }], namesRecords: true },
  "(admin)/customers:saveCustomerAction": { args: (f) => [{ id: f.customerId, name: "Renamed by intruder", accountNumber: "X-1" }], namesRecords: true },
  "(admin)/customers:deleteCustomerAction": { args: (f) => [{ id: f.emptyCustomerId }], namesRecords: true },
  "(admin)/sites:searchSiteCustomersAction": { args: () => [{ q: "" }], read: true },
  "(admin)/sites:saveSiteAction": {
    args: (f) => [{ id: f.siteIds["Summit Annex"], customerId: f.customerId, name: "Hijacked", address: "1 Evil St", country: "US", timeZone: "UTC", keyAccountHolderId: "" }],
    namesRecords: true,
  },
  "(admin)/sites:saveSiteColumnsAction": { args: () => [{ columns: ["name", "credentialGroup"] }] },
  // The customer web app (issue 11): refused to every caller here (none is a customer); tests/integration/my-team.test.ts refuses the wrong customers.
  "app:sendMyselfMobileInvitationAction": { args: () => [] },
  "app/set-password:setCustomerPasswordAction": { args: () => [{ password: "a long new passphrase", confirm: "a long new passphrase" }] },
  "app/team:addTeamMemberAction": {
    args: (f) => [
      { firstName: "Mallory", lastName: "Intruder", email: "mallory@attacker.test", phone: "+14155550199", mobileAppUser: true, sites: [{ siteId: f.siteIds["Harbor Main"], role: "SITE_MANAGER" }] },
    ],
    namesRecords: true,
  },
  "app/team:inviteTeamMemberAction": { args: (f) => [{ contactId: f.contactId, method: "mobile", requireSms: true }], namesRecords: true },
  "app/team:teamPrivilegesAction": { args: (f) => [{ contactId: f.contactId, sites: [{ siteId: f.siteIds["Harbor Main"], role: "SITE_MANAGER", enabled: true }] }], namesRecords: true },
  "app/team:editTeamMemberAction": { args: (f) => [{ contactId: f.contactId, firstName: "Hijacked", lastName: "Name", email: "amelia.martin@customers.test", phone: "" }], namesRecords: true },
  "app/team:deleteTeamMemberAction": { args: (f) => [{ contactId: f.contactId }], namesRecords: true },
  "app/team/[id]:generateUserCodeAction": { args: (f) => [{ contactId: f.contactId, siteId: f.siteIds["Harbor Main"], delivery: "view" }], namesRecords: true, read: true },
  "app/team/[id]:deleteUserCodeAction": { args: (f) => [{ credentialId: f.userCodeId }], namesRecords: true },
  // Seed 002 in the console: logins, usergroups, agents, contacts, personnel, jobs, licences.
  "(admin)/logins:saveLoginAction": { args: (f) => [{ name: "Mallory", email: "mallory.login@attacker.test", usergroupId: f.usergroupId }], namesRecords: true },
  "(admin)/logins:setLoginDisabledAction": { args: (f) => [{ id: f.loginId, disabled: true }], namesRecords: true },
  "(admin)/logins:resetLoginPasswordAction": { args: (f) => [{ id: f.loginId }], namesRecords: true },
  "(admin)/logins:deleteLoginAction": { args: (f) => [{ id: f.loginId }], namesRecords: true },
  "(admin)/logins/usergroups:saveUsergroupAction": {
    args: (f) => [{ id: f.usergroupId, name: "Renamed by intruder", isExternal: true, canAccessApp: true, permissionGroups: [] }],
    namesRecords: true,
  },
  "(admin)/logins/usergroups:deleteUsergroupAction": { args: (f) => [{ id: f.usergroupId }], namesRecords: true },
  "(admin)/logins/agents:saveAgentAction": { args: (f) => [{ id: f.agentId, company: "Intruders", name: "Mallory", email: "agent@agents.test" }], namesRecords: true },
  "(admin)/logins/agents:deleteAgentAction": { args: (f) => [{ id: f.agentId }], namesRecords: true },
  "(admin)/customers:setCustomerAgentAction": { args: (f) => [{ customerId: f.customerId, agentId: f.agentId }], namesRecords: true },
  "(admin)/customers:createContactAction": { args: (f) => [{ customerId: f.customerId, name: "Mallory Contact" }], namesRecords: true },
  "(admin)/customers:linkContactLoginAction": { args: (f) => [{ contactId: f.infoContactId, mode: "existing", userId: f.loginId, scope: "ALL_SITES" }], namesRecords: true },
  "(admin)/customers:unlinkContactLoginAction": { args: (f) => [{ contactId: f.contactId }], namesRecords: true },
  "(admin)/customers:setContactPortalScopeAction": { args: (f) => [{ contactId: f.contactId, scope: "ALL_SITES" }], namesRecords: true },
  "(admin)/sites:addContactToSiteAction": { args: (f) => [{ siteId: f.siteIds["Summit Main"], contactId: f.infoContactId, role: "SITE_MANAGER" }], namesRecords: true },
  "(admin)/sites:createSiteContactAction": { args: (f) => [{ customerId: f.customerId, siteId: f.siteIds["Summit Main"], name: "Mallory Contact", role: "SITE_MANAGER" }], namesRecords: true },
  "(admin)/sites:removeContactFromSiteAction": { args: (f) => [{ siteId: f.siteIds["Harbor Main"], contactId: f.contactId }], namesRecords: true },
  "(admin)/personnel:savePersonnelAction": { args: (f) => [{ id: f.personnelId, name: "Hijacked" }], namesRecords: true },
  "(admin)/jobs:searchJobSitesAction": { args: () => [{ q: "" }], read: true },
  "(admin)/jobs:saveJobAction": { args: (f) => [{ id: f.jobId, siteId: f.siteIds["Summit Main"], title: "Hijacked", status: "CANCELLED" }], namesRecords: true },
  "(admin)/settings/portal:setPortalLicencesAction": { args: () => [{ licences: 100000 }] },
  "app/sites/[id]:setInstallerModeAction": { args: (f) => [{ siteId: f.siteIds["Harbor Annex"], on: true, duration: "until-off" }], namesRecords: true },
  "(admin)/sites:activateSiteAction": { args: (f) => [{ siteId: f.siteIds["Summit Annex"] }], namesRecords: true },
  "(admin)/sites:requestInstallerModeAction": { args: (f) => [{ siteId: f.siteIds["Maple Main"] }], namesRecords: true },
  "(admin)/sites:addToNewGroupAction": { args: (f) => [{ siteId: f.siteIds["Summit Annex"], name: "Intruder group" }], namesRecords: true },
  "(admin)/sites:addToExistingGroupAction": { args: (f) => [{ siteId: f.siteIds["Summit Main"], groupId: f.credentialGroupId }], namesRecords: true },
  "(admin)/sites:moveToExistingGroupAction": { args: (f) => [{ siteId: f.siteIds["Harbor Main"], groupId: f.spareCredentialGroupId }], namesRecords: true },
  "(admin)/sites:removeFromGroupAction": { args: (f) => [{ siteId: f.siteIds["Harbor Main"] }], namesRecords: true },
  "(admin)/sites:regenerateCredentialsAction": { args: (f) => [{ siteId: f.siteIds["Summit Main"] }], namesRecords: true },
  "(admin)/sites:renameCredentialGroupAction": { args: (f) => [{ groupId: f.credentialGroupId, name: "Renamed by intruder" }], namesRecords: true },
};

let actions: ActionRef[] = [];
let fixtures: Fixtures;
let noPermission: string;

beforeAll(async () => {
  actions = await allServerActions();
  noPermission = await ensureNoPermissionEmployee();
  const demo = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
  const installer = await db.installer.findFirstOrThrow({ where: { organizationId: demo.id }, orderBy: { createdAt: "asc" } });
  const pending = await db.installer.findFirstOrThrow({ where: { organizationId: demo.id, status: "PENDING" } });
  const accepted = await db.installer.findFirstOrThrow({ where: { organizationId: demo.id, status: "ACCEPTED", panelCount: { gt: 0 } }, include: { panels: true } });
  const other = await db.installer.findFirstOrThrow({ where: { organization: { name: "Other Alarms Ltd" } } });
  const panel = await db.panel.findFirstOrThrow({ where: { organizationId: demo.id, installerAppAccess: true, installers: { none: { installerId: installer.id } } } });
  const role = await db.role.findFirstOrThrow({ where: { organizationId: demo.id, builtIn: "INSTALL_TECHNICIAN" } });
  const managerRole = await db.role.findFirstOrThrow({ where: { organizationId: demo.id, builtIn: "ORGANIZATION_MANAGER" } });
  const spare = await db.role.create({ data: { organizationId: demo.id, name: "Spare role", permissions: { create: [{ permission: "installers.view" }] } } });
  const employee = await db.employee.findFirstOrThrow({ where: { email: "tech@demo.test" } });
  const employeePanel = await db.panel.findFirstOrThrow({ where: { organizationId: demo.id, NOT: { id: panel.id } } });
  await db.employeePanel.create({ data: { employeeId: employee.id, panelId: employeePanel.id } });
  await db.employee.update({ where: { id: employee.id }, data: { panelCount: { increment: 1 } } });
  const group = await db.panelGroup.findFirstOrThrow({ where: { organizationId: demo.id, name: "Commercial" } });
  const emptyGroup = await db.panelGroup.create({ data: { organizationId: demo.id, name: "Empty group" } });
  const customer = await db.customer.findFirstOrThrow({ where: { organizationId: demo.id, name: "Summit Logistics" } });
  const emptyCustomer = await db.customer.create({ data: { organizationId: demo.id, name: "No sites yet", accountNumber: "C-9999" } });
  const sites = await db.site.findMany({ where: { organizationId: demo.id } });
  const credentialGroup = await db.credentialGroup.findFirstOrThrow({ where: { organizationId: demo.id, name: "Harbor Dental" } });
  const spareCredentialGroup = await db.credentialGroup.create({ data: { organizationId: demo.id, name: "Spare credential group" } });
  const failed = await db.outboxMessage.create({
    data: { organizationId: demo.id, to: "failed@demo.test", subject: "Failed", html: "<p>x</p>", text: "x", template: "test", status: "FAILED", attempts: 8 },
  });
  const amelia = await db.contact.findFirstOrThrow({ where: { email: "amelia.martin@customers.test" } });
  const userCode = await db.credential.create({ data: { organizationId: demo.id, contactId: amelia.id, type: "USER_CODE", credentialGroupId: credentialGroup.id } });
  fixtures = {
    contactId: amelia.id,
    userCodeId: userCode.id,
    loginId: (await db.user.findUniqueOrThrow({ where: { email: "unlinked@customers.test" } })).id,
    usergroupId: (await db.usergroup.create({ data: { organizationId: demo.id, name: "Spare usergroup", kind: "EXTERNAL" } })).id,
    agentId: (await db.agent.findFirstOrThrow({ where: { email: "agent@agents.test" } })).id,
    infoContactId: (await db.contact.create({ data: { organizationId: demo.id, customerId: customer.id, name: "Info Only", email: "" } })).id,
    personnelId: (await db.personnel.findFirstOrThrow({ where: { organizationId: demo.id, name: "Jordan Engineer" } })).id,
    jobId: (await db.job.findFirstOrThrow({ where: { organizationId: demo.id } })).id,
    failedMessageId: failed.id,
    customerId: customer.id,
    emptyCustomerId: emptyCustomer.id,
    siteIds: Object.fromEntries(sites.map((x) => [x.name, x.id])),
    credentialGroupId: credentialGroup.id,
    spareCredentialGroupId: spareCredentialGroup.id,
    installerId: installer.id,
    pendingId: pending.id,
    acceptedId: accepted.id,
    otherInstallerId: other.id,
    panelId: panel.id,
    assignedPanelId: accepted.panels[0]!.panelId,
    roleId: role.id,
    managerRoleId: managerRole.id,
    spareRoleId: spare.id,
    employeeId: employee.id,
    employeePanelId: employeePanel.id,
    groupId: group.id,
    emptyGroupId: emptyGroup.id,
  };
  // A saved SMTP configuration exists, so that "remove" has something to refuse to remove.
  await db.emailSettings.upsert({
    where: { organizationId: demo.id },
    create: { organizationId: demo.id, host: "127.0.0.1", port: 9, username: "", passwordEncrypted: "", fromAddress: "portal@demo.test" },
    update: {},
  });
});

afterAll(async () => {
  await db.emailSettings.deleteMany({});
});

describe("server action authorization", () => {
  it("knows every server action", () => {
    expect(actions.length).toBeGreaterThan(0);
    const unknown = actions.map((a) => a.id).filter((id) => !PUBLIC_ACTIONS.has(id) && !SELF_SERVICE_ACTIONS.has(id) && !CASES[id]);
    expect(unknown, "add a case for each new server action").toEqual([]);
  });

  const callers: Array<[string, () => Promise<unknown>]> = [
    ["an anonymous caller", () => actAs(null)],
    ["an employee without the permission", () => actAs(noPermission)],
    ["an installer account", () => actAs("liam.smith@installers.test")],
    // Agents see their customers' sites read-only: every action refuses them (seed 002).
    ["an agent", () => actAs("agent@agents.test")],
  ];

  for (const [label, become] of callers) {
    it(`refuses ${label} and changes nothing`, async () => {
      for (const action of actions.filter((a) => CASES[a.id])) {
        await become();
        const before = await databaseFingerprint();
        const result = (await action.fn(...CASES[action.id]!.args(fixtures))) as { ok: boolean; data?: unknown };
        expect(result.ok, `${action.id} for ${label}`).toBe(false);
        expect(result.data, `${action.id} leaked data to ${label}`).toBeUndefined();
        expect(await databaseFingerprint(), `${action.id} changed data for ${label}`).toBe(before);
      }
    });
  }

  it("refuses signed-out callers of the own-account actions and changes nothing", async () => {
    for (const action of actions.filter((a) => SELF_SERVICE_ACTIONS.has(a.id))) {
      await actAs(null);
      const before = await databaseFingerprint();
      const result = (await action.fn({ currentPassword: "DemoPass-2026", password: "a long new passphrase", confirm: "a long new passphrase", code: "123456" })) as { ok: boolean };
      expect(result.ok, action.id).toBe(false);
      expect(await databaseFingerprint(), action.id).toBe(before);
    }
  });

  it("refuses an admin of another organization on records of this one", async () => {
    for (const action of actions.filter((a) => CASES[a.id]?.namesRecords)) {
      await actAs("admin@other.test");
      const before = await databaseFingerprint();
      const result = (await action.fn(...CASES[action.id]!.args(fixtures))) as { ok: boolean };
      expect(result.ok, action.id).toBe(false);
      expect(await databaseFingerprint(), `${action.id} changed data across organizations`).toBe(before);
    }
  });

  it("audits permission denials", async () => {
    const denials = await db.auditEvent.count({ where: { action: "access.denied", actorEmail: noPermission } });
    expect(denials).toBeGreaterThan(0);
  });
});
