// The customer web app's first part (issue 11): customers sign in at /app with their email and
// see their own sites with their role at each; nobody else gets a customer home.
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getActor } from "@/lib/auth/current";
import { getCustomerHome } from "@/lib/customer-app/queries";
import { customerSignOutOtherSessionsAction } from "@/app/app/actions";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { actAs } from "../support/session";

describe("customer sign-in", () => {
  it("signs a customer in to the customer area only", async () => {
    await db.user.update({ where: { email: "owner1@customers.test" }, data: { passwordHash: await hashPassword("DemoPass-2026") } });
    expect(await signInWithPassword({ email: "owner1@customers.test", password: "DemoPass-2026", area: "customer", ip: null })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: "owner1@customers.test", password: "DemoPass-2026", area: "console", ip: null })).toMatchObject({ ok: false, error: "invalid" });
    expect(await signInWithPassword({ email: "admin@demo.test", password: "DemoPass-2026", area: "customer", ip: null })).toMatchObject({ ok: false, error: "invalid" });
  });
});

describe("customer home", () => {
  it("lists the customer's own sites with their role and credential group", async () => {
    await actAs("owner1@customers.test");
    const home = await getCustomerHome(await getActor());
    expect(home.name).toBe("Ava Martinez");
    expect(home.sites.map((s) => [s.name, s.role, s.credentialGroup])).toEqual([
      ["Harbor Annex", "SITE_MANAGER", "Harbor Dental"],
      ["Harbor Main", "SITE_MANAGER", "Harbor Dental"],
    ]);
    await actAs("william.anderson@customers.test");
    expect((await getCustomerHome(await getActor())).sites.every((s) => s.role === "SITE_ADMIN")).toBe(true);
  });

  it("is refused to employees, installers and signed-out callers", async () => {
    for (const email of ["admin@demo.test", "liam.smith@installers.test", null]) {
      await actAs(email);
      await expect(getCustomerHome(await getActor())).rejects.toThrow();
    }
  });

  it("lets a customer sign out of their other sessions", async () => {
    await actAs("owner2@customers.test");
    expect(await customerSignOutOtherSessionsAction()).toMatchObject({ ok: true });
  });
});

describe("Installer Mode, the customer's switch", () => {
  const harborAnnex = () => db.site.findFirstOrThrow({ where: { name: "Harbor Annex" } });

  it("a Site Manager turns it on for 2 hours: audited, the managers are emailed, and the console may change the site", async () => {
    const { setInstallerModeAction } = await import("@/app/app/sites/[id]/actions");
    const { saveSiteAction } = await import("@/app/(admin)/sites/actions");
    const site = await harborAnnex();
    await actAs("owner1@customers.test");
    const mails = await db.outboxMessage.count({ where: { template: "installer-mode-changed", to: "owner1@customers.test" } });
    expect(await setInstallerModeAction({ siteId: site.id, on: true, duration: "2h" })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Installer Mode is on until .* for Harbor Annex\.$/),
    });
    const on = await harborAnnex();
    expect(on.installerMode).toBe(true);
    expect(Math.abs(on.installerModeUntil!.getTime() - Date.now() - 2 * 60 * 60 * 1000)).toBeLessThan(60_000);
    expect(await db.outboxMessage.count({ where: { template: "installer-mode-changed", to: "owner1@customers.test" } })).toBe(mails + 1);
    expect(await db.auditEvent.count({ where: { action: "customer.installer_mode.on", targetId: site.id } })).toBe(1);
    const edit = {
      id: site.id,
      customerId: site.customerId,
      name: "Harbor Annex",
      address: "New address 1",
      country: "US",
      timeZone: site.timeZone,
      keyAccountHolderId: site.keyAccountHolderId ?? "",
    };
    await actAs("manager@demo.test");
    expect(await saveSiteAction(edit)).toMatchObject({ ok: true });
    // Two hours later (the clock moved): read-only again, with no job having run.
    await db.site.update({ where: { id: site.id }, data: { installerModeUntil: new Date(Date.now() - 1000) } });
    expect(await saveSiteAction({ ...edit, address: "Another address 2" })).toMatchObject({ ok: false, error: expect.stringMatching(/Installer Mode/) });
    expect((await harborAnnex()).address).toBe("New address 1");
    await actAs("owner1@customers.test");
    const { getCustomerSite } = await import("@/lib/customer-app/queries");
    expect((await getCustomerSite(await getActor(), site.id)).installerMode).toEqual({ on: false, until: null });
  });

  it("is refused to a Site Admin and a Site Member (audited), and to the manager of another customer's site", async () => {
    const { setInstallerModeAction } = await import("@/app/app/sites/[id]/actions");
    const site = await harborAnnex();
    for (const email of ["william.anderson@customers.test", "amelia.martin@customers.test", "owner2@customers.test", "admin@demo.test"]) {
      await actAs(email);
      const before = await db.site.findUniqueOrThrow({ where: { id: site.id } });
      expect(await setInstallerModeAction({ siteId: site.id, on: true, duration: "until-off" }), email).toMatchObject({ ok: false });
      expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toEqual(before);
    }
    expect(await db.auditEvent.count({ where: { action: "access.denied", actorEmail: "william.anderson@customers.test" } })).toBeGreaterThanOrEqual(1);
  });
});

describe("My Team", () => {
  it("lists the people of the sites the customer manages, with their role at each, and searches them", async () => {
    const { getMyTeam } = await import("@/lib/customer-app/queries");
    await actAs("owner1@customers.test");
    const team = await getMyTeam(await getActor());
    expect(team.managedSites.map((s) => s.name)).toEqual(["Harbor Annex", "Harbor Main"]);
    expect(team.people.map((p) => [p.name, p.roles.map((r) => `${r.site}: ${r.role}`).join(", "), p.state.label])).toEqual([
      ["Amelia Martin", "Harbor Annex: SITE_MEMBER, Harbor Main: SITE_MEMBER", "Active"],
      ["Ava Martinez", "Harbor Annex: SITE_MANAGER, Harbor Main: SITE_MANAGER", "Active"],
      ["Emma Expired", "Harbor Main: SITE_MEMBER", "Expired"],
      ["Noah Pending", "Harbor Main: SITE_MEMBER", "Invited (mobile)"],
      ["William Anderson", "Harbor Annex: SITE_ADMIN, Harbor Main: SITE_ADMIN", "Active"],
    ]);
    expect((await getMyTeam(await getActor(), "WILL")).people.map((p) => p.email)).toEqual(["william.anderson@customers.test"]);
  });

  it("is empty for a Site Admin, and refused to employees", async () => {
    const { getMyTeam } = await import("@/lib/customer-app/queries");
    await actAs("william.anderson@customers.test");
    expect(await getMyTeam(await getActor())).toMatchObject({ managedSites: [], people: [] });
    await actAs("admin@demo.test");
    await expect(getMyTeam(await getActor())).rejects.toThrow();
  });
});

describe("a customer's site page", () => {
  it("shows the customer's own credentials at the site or its credential group, and the site's people to managers only", async () => {
    const { getCustomerSite } = await import("@/lib/customer-app/queries");
    const site = await db.site.findFirstOrThrow({ where: { name: "Harbor Main" } });
    await actAs("owner1@customers.test");
    const manager = await getCustomerSite(await getActor(), site.id);
    const own = await db.credential.findMany({ where: { contact: { email: "owner1@customers.test" }, OR: [{ siteId: site.id }, { credentialGroupId: site.credentialGroupId }] } });
    expect(manager.myCredentials.map((c) => c.id).sort()).toEqual(own.map((c) => c.id).sort());
    expect(own.length).toBeGreaterThan(0);
    expect(manager.myCredentials.every((c) => c.scope === "Credential group Harbor Dental")).toBe(true);
    expect(manager.people.map((p) => p.name)).toEqual(["Amelia Martin", "Ava Martinez", "Emma Expired", "Noah Pending", "William Anderson"]);
    await actAs("amelia.martin@customers.test");
    const member = await getCustomerSite(await getActor(), site.id);
    expect(member.people).toEqual([]);
    expect(member.myCredentials.map((c) => c.id)).not.toEqual(expect.arrayContaining(own.map((c) => c.id)));
    await actAs("owner2@customers.test");
    await expect(getCustomerSite(await getActor(), site.id)).rejects.toThrow(/not found/);
  });
});
