// Customers' account numbers: unique in the organization, also when two are saved at once; a site
// saved for a customer deleted at that moment.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { saveCustomer } from "@/lib/customers/mutations";
import { saveSite } from "@/lib/sites/mutations";
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
