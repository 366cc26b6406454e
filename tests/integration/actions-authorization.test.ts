// Every server action is a public HTTP endpoint. This test finds them all and proves that
// each one refuses an anonymous caller, an employee without the permission, an account of
// another kind and (for actions that name records) an admin of another organization,
// leaving the database unchanged. A new action without an entry below fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actAs, databaseFingerprint, ensureNoPermissionEmployee } from "../support/session";
import { allServerActions, type ActionRef } from "../support/actions";

/** Entry points that must work signed out; each is covered by its own tests. */
const PUBLIC_ACTIONS = new Set([
  "(auth)/login:signInAction",
  "(auth)/forgot-password:requestPasswordResetAction",
  "(auth)/forgot-password:completePasswordResetAction",
  "(admin):signOutAction",
]);

type Fixtures = { installerId: string; otherInstallerId: string; panelId: string; roleId: string };
type Case = { args: (f: Fixtures) => unknown[]; namesRecords?: boolean };

/** Valid payloads: a refusal must come from the permission check, not from bad input. */
const CASES: Record<string, Case> = {
  "(admin)/settings/email:saveSmtpSettingsAction": { args: () => [{ host: "smtp.attacker.test", port: 25, secure: false, username: "x", password: "y", fromAddress: "a@attacker.test" }] },
  "(admin)/settings/email:removeSmtpSettingsAction": { args: () => [] },
  "(admin)/settings/email:sendTestEmailAction": { args: () => [] },
};

let actions: ActionRef[] = [];
let fixtures: Fixtures;
let noPermission: string;

beforeAll(async () => {
  actions = await allServerActions();
  noPermission = await ensureNoPermissionEmployee();
  const demo = await db.organization.findFirstOrThrow({ where: { name: "Northwind Security" } });
  const installer = await db.installer.findFirstOrThrow({ where: { organizationId: demo.id }, orderBy: { createdAt: "asc" } });
  const other = await db.installer.findFirstOrThrow({ where: { organization: { name: "Other Alarms Ltd" } } });
  const panel = await db.panel.findFirstOrThrow({ where: { organizationId: demo.id } });
  const role = await db.role.findFirstOrThrow({ where: { organizationId: demo.id, builtIn: "INSTALL_TECHNICIAN" } });
  fixtures = { installerId: installer.id, otherInstallerId: other.id, panelId: panel.id, roleId: role.id };
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
    const unknown = actions.map((a) => a.id).filter((id) => !PUBLIC_ACTIONS.has(id) && !CASES[id]);
    expect(unknown, "add a case for each new server action").toEqual([]);
  });

  const callers: Array<[string, () => Promise<unknown>]> = [
    ["an anonymous caller", () => actAs(null)],
    ["an employee without the permission", () => actAs(noPermission)],
    ["an installer account", () => actAs("liam.smith@installers.test")],
  ];

  for (const [label, become] of callers) {
    it(`refuses ${label} and changes nothing`, async () => {
      for (const action of actions.filter((a) => CASES[a.id])) {
        await become();
        const before = await databaseFingerprint();
        const result = (await action.fn(...CASES[action.id].args(fixtures))) as { ok: boolean };
        expect(result.ok, `${action.id} for ${label}`).toBe(false);
        expect(await databaseFingerprint(), `${action.id} changed data for ${label}`).toBe(before);
      }
    });
  }

  it("refuses an admin of another organization on records of this one", async () => {
    for (const action of actions.filter((a) => CASES[a.id]?.namesRecords)) {
      await actAs("admin@other.test");
      const before = await databaseFingerprint();
      const result = (await action.fn(...CASES[action.id].args(fixtures))) as { ok: boolean };
      expect(result.ok, action.id).toBe(false);
      expect(await databaseFingerprint(), `${action.id} changed data across organizations`).toBe(before);
    }
  });

  it("audits permission denials", async () => {
    const denials = await db.auditEvent.count({ where: { action: "access.denied", actorEmail: noPermission } });
    expect(denials).toBeGreaterThan(0);
  });
});
