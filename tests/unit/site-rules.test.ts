import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { BUILT_IN_ROLE_PERMISSIONS } from "@/lib/access/permissions";
import { credentialChangeRefusal, credentialMenuFor, GROUP_NEEDS_INSTALLER_MODE, groupCanBeChanged, INSTALLER_MODE_REQUIRED, siteCanBeChanged, TECHNICIAN_ACTIVE_SITE } from "@/lib/sites/rules";

const actor = (role: keyof typeof BUILT_IN_ROLE_PERMISSIONS): Actor => ({
  userId: "u",
  organizationId: "o",
  organizationName: "O",
  kind: "EMPLOYEE",
  email: "e",
  name: "n",
  permissions: new Set(BUILT_IN_ROLE_PERMISSIONS[role]),
  panelGroups: "all",
  roleId: "r",
  roleName: role,
});
const active = { status: "ACTIVE" as const, installerMode: true, credentialGroupId: null };
const activeNoMode = { ...active, installerMode: false };
const notActivated = { status: "NOT_ACTIVATED" as const, installerMode: false, credentialGroupId: null };
const grouped = { ...active, credentialGroupId: "g" };

describe("seed 000 rules", () => {
  it("an active site is read-only without Installer Mode", () => {
    expect(siteCanBeChanged(notActivated)).toBe(true);
    expect(siteCanBeChanged(active)).toBe(true);
    expect(siteCanBeChanged(activeNoMode)).toBe(false);
  });
  it("a group can be changed while at least one of its sites is in Installer Mode", () => {
    expect(
      groupCanBeChanged([
        { status: "ACTIVE", installerMode: false },
        { status: "ACTIVE", installerMode: true },
      ]),
    ).toBe(true);
    expect(groupCanBeChanged([{ status: "ACTIVE", installerMode: false }])).toBe(false);
    // A site not yet activated is the dealer's to configure.
    expect(groupCanBeChanged([{ status: "NOT_ACTIVATED", installerMode: false }])).toBe(true);
    expect(GROUP_NEEDS_INSTALLER_MODE).toMatch(/At least one site/);
  });
  it("offers the Credentials menu by state", () => {
    expect(credentialMenuFor(active)).toEqual(["addToNewGroup", "addToExistingGroup", "regenerate"]);
    expect(credentialMenuFor(grouped)).toEqual(["moveToExistingGroup", "removeFromGroup"]);
  });
  it("refuses an Install Technician on active sites with the seed's explanation, allows it on sites not yet activated", () => {
    const tech = actor("INSTALL_TECHNICIAN");
    expect(credentialChangeRefusal(tech, "addToNewGroup", active)).toBe(TECHNICIAN_ACTIVE_SITE);
    expect(credentialChangeRefusal(tech, "addToExistingGroup", active)).toBe(TECHNICIAN_ACTIVE_SITE);
    expect(credentialChangeRefusal(tech, "removeFromGroup", grouped)).toBe(TECHNICIAN_ACTIVE_SITE);
    expect(credentialChangeRefusal(tech, "addToNewGroup", notActivated)).toBeNull();
    expect(credentialChangeRefusal(tech, "addToExistingGroup", notActivated)).toBeNull();
  });
  it("lets an Installer Manager or Organization Manager do it, with Installer Mode", () => {
    for (const role of ["INSTALLER_MANAGER", "ORGANIZATION_MANAGER", "PRIMARY_CONTACT"] as const) {
      expect(credentialChangeRefusal(actor(role), "moveToExistingGroup", grouped)).toBeNull();
      expect(credentialChangeRefusal(actor(role), "addToNewGroup", activeNoMode)).toBe(INSTALLER_MODE_REQUIRED);
    }
  });
});

describe("Installer Mode's end time", () => {
  it("is on while switched on and its end not reached, and off from the end on", async () => {
    const { installerModeOn } = await import("@/lib/sites/rules");
    const { installerModeEnd } = await import("@/lib/customer-app/rules");
    const now = new Date("2026-12-01T10:00:00Z");
    const until = installerModeEnd("2h", now);
    expect(until).toEqual(new Date("2026-12-01T12:00:00Z"));
    expect(installerModeEnd("until-off", now)).toBeNull();
    expect(installerModeOn({ installerMode: true, installerModeUntil: until }, new Date("2026-12-01T11:59:59Z"))).toBe(true);
    expect(installerModeOn({ installerMode: true, installerModeUntil: until }, new Date("2026-12-01T12:00:00Z"))).toBe(false);
    expect(installerModeOn({ installerMode: true, installerModeUntil: null }, now)).toBe(true);
    expect(installerModeOn({ installerMode: false, installerModeUntil: null }, now)).toBe(false);
  });
});
