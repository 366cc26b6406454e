// Customers' account numbers: unique in the organization, also when two are saved at once; a site
// saved for a customer deleted at that moment; the searched lists of Add site (customers) and of
// the job form (sites).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { saveCustomer } from "@/lib/customers/mutations";
import { saveSite } from "@/lib/sites/mutations";
import { searchSiteCustomersAction } from "@/app/(admin)/sites/actions";
import { searchJobSitesAction } from "@/app/(admin)/jobs/actions";
import { actAs } from "../support/session";
import { whileCustomerHeld } from "../support/hold-row";

describe("account numbers", () => {
  it("a number in use is refused next to the field, also when two customers are saved with it at once", async () => {
    await actAs("admin@demo.test");
    const admin = await getActor();
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const taken = { message: "Another customer has this account number." };
    await saveCustomer(admin, { name: `First ${tag}`, accountNumber: `A-${tag}` });
    await expect(saveCustomer(admin, { name: `Second ${tag}`, accountNumber: `A-${tag}` })).rejects.toMatchObject({ message: taken.message, fieldErrors: { accountNumber: taken.message } });
    // Both pass the first check before either writes; the database's unique index decides, and the loser hears why.
    for (let round = 0; round < 3; round++) {
      const accountNumber = `B${round}-${tag}`;
      const results = await Promise.allSettled([0, 1].map((i) => saveCustomer(admin, { name: `Twin ${i} ${tag}`, accountNumber })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ message: taken.message, fieldErrors: { accountNumber: taken.message } });
      expect(await db.customer.count({ where: { accountNumber } })).toBe(1);
    }
  });
});

describe("a customer deleted while a site is saved for it", () => {
  it("the site is refused next to the customer field, and nothing is made", async () => {
    await actAs("admin@demo.test");
    const admin = await getActor();
    const tag = randomUUID().slice(0, 8);
    const { id: customerId } = await db.customer.create({ data: { organizationId: admin!.organizationId, name: `Leaving ${tag}`, accountNumber: `L-${tag}` } });
    // The customer is deleted at the moment the site is saved (on PostgreSQL the save has read the
    // customer and waits on its row; before, it then failed the site's reference to it).
    const outcome = await whileCustomerHeld(
      customerId,
      (tx) => tx.customer.delete({ where: { id: customerId } }),
      () => saveSite(admin, { customerId, name: `Site ${tag}`, address: "1 Gone Rd", country: "US", timeZone: "America/New_York", keyAccountHolderId: "" }),
    );
    expect(outcome).toBe("Select a customer from the list.");
    expect(await db.site.count({ where: { name: `Site ${tag}` } })).toBe(0);
  });
});

describe("Add site's customer search", () => {
  it("finds the organization's customers by part of the name or the account number, at most 50 at a time, for those who add sites only", async () => {
    await actAs("admin@demo.test");
    const admin = await getActor();
    const tag = randomUUID().slice(0, 8).toUpperCase();
    for (let i = 0; i < 55; i++) await saveCustomer(admin, { name: `Searchable ${tag} ${String(i).padStart(2, "0")}`, accountNumber: `S-${tag}-${i}` });
    const other = await db.organization.findFirstOrThrow({ where: { name: "Other Alarms Ltd" } });
    await db.customer.create({ data: { organizationId: other.id, name: `Searchable ${tag} elsewhere`, accountNumber: `S-${tag}-X` } });
    const found = async (q: string) => {
      const result = await searchSiteCustomersAction({ q });
      if (!result.ok) throw new Error(result.error);
      return result.data!;
    };
    const page = await found(`searchable ${tag.toLowerCase()}`);
    expect(page).toHaveLength(50);
    expect(page[0]).toMatchObject({ name: `Searchable ${tag} 00`, accountNumber: `S-${tag}-0` });
    expect(page.some((c) => c.name.endsWith("elsewhere"))).toBe(false);
    expect((await found(`S-${tag}-54`)).map((c) => c.name)).toEqual([`Searchable ${tag} 54`]);
    expect(await found(`${tag} elsewhere`)).toEqual([]);
    // Without a search: the first 50 by name.
    expect(await found("")).toHaveLength(50);
    // Someone who may view sites but not add them gets no customer list.
    await actAs("tech@demo.test");
    expect(await searchSiteCustomersAction({ q: "" })).toMatchObject({ ok: false });
  });
});

describe("the job form's site search", () => {
  it("finds the organization's sites by part of the name or the address, at most 50 at a time, for those who manage jobs only", async () => {
    await actAs("admin@demo.test");
    const admin = await getActor();
    const tag = randomUUID().slice(0, 8).toUpperCase();
    await saveCustomer(admin, { name: `Sited ${tag}`, accountNumber: `J-${tag}` });
    const customerId = (await db.customer.findFirstOrThrow({ where: { accountNumber: `J-${tag}` } })).id;
    const site = (i: number) => ({
      organizationId: admin!.organizationId,
      customerId,
      name: `Jobsite ${tag} ${String(i).padStart(2, "0")}`,
      address: `${i} ${tag} Way`,
      country: "US",
      timeZone: "UTC",
    });
    await db.site.createMany({ data: Array.from({ length: 55 }, (_, i) => site(i)) });
    const other = await db.organization.findFirstOrThrow({ where: { name: "Other Alarms Ltd" } });
    const otherCustomer = await db.customer.create({ data: { organizationId: other.id, name: `Elsewhere ${tag}`, accountNumber: `J-${tag}-X` } });
    await db.site.create({ data: { ...site(99), organizationId: other.id, customerId: otherCustomer.id } });
    const found = async (q: string) => {
      const result = await searchJobSitesAction({ q });
      if (!result.ok) throw new Error(result.error);
      return result.data!;
    };
    const first = await found(`jobsite ${tag.toLowerCase()}`);
    expect(first).toHaveLength(50);
    expect(first[0]).toMatchObject({ name: `Jobsite ${tag} 00`, address: `0 ${tag} Way` });
    expect((await found(`54 ${tag} Way`)).map((s) => s.name)).toEqual([`Jobsite ${tag} 54`]);
    expect(await found(`99 ${tag} Way`)).toEqual([]);
    // An Install Technician sees jobs but does not create them: no site list.
    await actAs("tech@demo.test");
    expect(await searchJobSitesAction({ q: "" })).toMatchObject({ ok: false });
  });
});
