import { describe, expect, it } from "vitest";
import { can, canSeePanelGroup, roleWithin, type Actor } from "@/lib/access/actor";
import { ALL_PERMISSIONS, BUILT_IN_ROLE_PERMISSIONS, PERMISSION_GROUPS, permissionLabel, type Permission } from "@/lib/access/permissions";

function actor(permissions: Permission[], kind: Actor["kind"] = "EMPLOYEE", panelGroups: Actor["panelGroups"] = "all"): Actor {
  return { userId: "u", organizationId: "o", organizationName: "O", kind, email: "a@b.c", name: "A", permissions: new Set(permissions), panelGroups, roleId: "r", roleName: "R" };
}

describe("permission catalog", () => {
  it("has exactly the nine Installers permissions of seed 003, in its words", () => {
    const installers = PERMISSION_GROUPS.find((g) => g.name === "Installers")!;
    expect(Object.values(installers.permissions).map((l) => l.toLowerCase())).toEqual([
      "view installers",
      "add installers",
      "accept installers",
      "remove installers",
      "reset password for installers",
      "convert installers to employees",
      "assign panels to installers",
      "unassign panels from installers",
      "view panels assigned to installers",
    ]);
  });

  it("names every permission once", () => {
    expect(new Set(ALL_PERMISSIONS).size).toBe(ALL_PERMISSIONS.length);
    expect(permissionLabel("credentialGroups.moveActiveSites")).toBe("Move active sites between credential groups");
  });
});

describe("built-in roles", () => {
  it("gives Organization Manager and Primary Contact every permission", () => {
    expect(new Set(BUILT_IN_ROLE_PERMISSIONS.ORGANIZATION_MANAGER)).toEqual(new Set(ALL_PERMISSIONS));
    expect(new Set(BUILT_IN_ROLE_PERMISSIONS.PRIMARY_CONTACT)).toEqual(new Set(ALL_PERMISSIONS));
  });

  it("gives Installer Manager the installer, panel, site, customer and credential-group permissions and only views employees", () => {
    const m = new Set(BUILT_IN_ROLE_PERMISSIONS.INSTALLER_MANAGER);
    expect(m.has("installers.convert")).toBe(true);
    expect(m.has("credentialGroups.moveActiveSites")).toBe(true);
    expect(m.has("employees.view")).toBe(true);
    expect(m.has("employees.add")).toBe(false);
    expect(m.has("roles.manage")).toBe(false);
    expect(m.has("settings.manage")).toBe(false);
  });

  it("keeps Install Technician to viewing, Installer Mode and groups of sites that are not activated", () => {
    const t = new Set(BUILT_IN_ROLE_PERMISSIONS.INSTALL_TECHNICIAN);
    expect(t.has("installers.view")).toBe(true);
    expect(t.has("installers.viewPanels")).toBe(true);
    expect(t.has("installers.accept")).toBe(false);
    expect(t.has("credentialGroups.manage")).toBe(true);
    expect(t.has("credentialGroups.moveActiveSites")).toBe(false);
  });
});

describe("can()", () => {
  it("denies by default", () => {
    expect(can(null, "installers.view")).toBe(false);
    expect(can(actor([]), "installers.view")).toBe(false);
  });
  it("allows a held permission", () => {
    expect(can(actor(["installers.view"]), "installers.view")).toBe(true);
    expect(can(actor(["installers.view"]), "installers.add")).toBe(false);
  });
  it("never gives console permissions to other kinds of account", () => {
    expect(can(actor(["installers.view"], "INSTALLER"), "installers.view")).toBe(false);
    expect(can(actor(["installers.view"], "CUSTOMER"), "installers.view")).toBe(false);
  });
  it("limits panel groups to the role's visible groups", () => {
    expect(canSeePanelGroup(actor([], "EMPLOYEE", new Set(["g1"])), "g1")).toBe(true);
    expect(canSeePanelGroup(actor([], "EMPLOYEE", new Set(["g1"])), "g2")).toBe(false);
    expect(canSeePanelGroup(actor([]), "g2")).toBe(true);
  });
});

describe("roleWithin", () => {
  const scoped = (permissions: string[], panelGroups: "all" | string[]) => actor(permissions as Permission[], "EMPLOYEE", panelGroups === "all" ? "all" : new Set(panelGroups));

  it("holds when the role's permissions and panel groups are the actor's", () => {
    expect(roleWithin(scoped(["a", "b"], ["g1", "g2"]), { permissions: ["a"], allPanelGroups: false, panelGroupIds: ["g1"] })).toBe(true);
    expect(roleWithin(scoped(["a"], "all"), { permissions: ["a"], allPanelGroups: true, panelGroupIds: [] })).toBe(true);
  });

  it("fails on one permission beyond the actor's", () => {
    expect(roleWithin(scoped(["a"], "all"), { permissions: ["a", "b"], allPanelGroups: false, panelGroupIds: [] })).toBe(false);
  });

  it("fails on visibility beyond the actor's: all groups, or one more group", () => {
    expect(roleWithin(scoped(["a"], ["g1"]), { permissions: ["a"], allPanelGroups: true, panelGroupIds: [] })).toBe(false);
    expect(roleWithin(scoped(["a"], ["g1"]), { permissions: [], allPanelGroups: false, panelGroupIds: ["g1", "g2"] })).toBe(false);
  });
});
