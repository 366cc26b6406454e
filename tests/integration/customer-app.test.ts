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
