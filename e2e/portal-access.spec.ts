// Customer-portal access through the real UI (issue 12, seed 002).
import type { Page } from "@playwright/test";
import { e2eRow, expect, mailFromMailbox, PASSWORD, signIn, test } from "./support";

async function portalSignIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/app/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

function sites(page: Page) {
  return page.getByTestId("customer-site");
}

test("a login without a contact cannot sign in to the portal and is told why; the console's login page says the same", async ({ page, browser }) => {
  await portalSignIn(page, "unlinked@customers.test");
  await expect(page.getByRole("alert").filter({ hasText: "not set up for the customer portal yet" })).toContainText("the login must be linked to a customer contact or a site contact");
  await expect(page).toHaveURL(/\/app\/login/);

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, "admin@demo.test");
  await admin.goto("/logins?q=unlinked");
  await expect(admin.getByRole("row").filter({ hasText: "unlinked@customers.test" })).toContainText("Not set up");
  await admin.getByRole("link", { name: "Uma Unlinked" }).click();
  await expect(admin.getByTestId("missing-steps")).toContainText("The login must be linked to a customer contact or a site contact.");
  await context.close();
});

test("a customer contact with All sites sees every site of the customer, also one added later; a site contact sees only theirs", async ({ page, browser }) => {
  await portalSignIn(page, "allsites@customers.test");
  await expect(page.getByRole("heading", { name: "Hello, Alice Allsites" })).toBeVisible();
  await expect(sites(page)).toHaveCount(2);
  await expect(sites(page).filter({ hasText: "Harbor Main" })).toContainText("All sites access");

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, "admin@demo.test");
  await admin.goto("/sites");
  await admin.getByRole("button", { name: "Add site" }).click();
  const dialog = admin.getByRole("dialog", { name: "Add site" });
  // The customer is found by typing; the list holds the matches only.
  await dialog.getByLabel("Search customers").fill("harbor");
  await expect(dialog.getByLabel("Customer", { exact: true }).getByRole("option")).toHaveText(["Select a customer", "Harbor Dental Clinic (C-1001)"]);
  await dialog.getByLabel("Customer", { exact: true }).selectOption({ label: "Harbor Dental Clinic (C-1001)" });
  await dialog.getByLabel("Name").fill("Harbor Lab");
  await dialog.getByLabel("Address").fill("12 Harbor Rd, Springfield");
  await dialog.getByLabel("Country").selectOption("US");
  await dialog.getByLabel("Time zone").selectOption("America/Chicago");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await context.close();

  await page.reload();
  await expect(sites(page)).toHaveCount(3);
  await expect(sites(page).filter({ hasText: "Harbor Lab" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  await portalSignIn(page, "sitecontact@customers.test");
  await expect(page.getByRole("heading", { name: "Hello, Sam Sitecontact" })).toBeVisible();
  await expect(sites(page)).toHaveCount(1);
  await expect(sites(page).first()).toContainText("Maple Main");
  await expect(sites(page).first()).toContainText("Site Member");
  // A site outside the login's scope is not found, by URL too.
  const outside = (await e2eRow<{ id: string }>(`SELECT "id" FROM "Site" WHERE "name" = 'Maple Annex'`))!;
  expect((await page.goto(`/app/sites/${outside.id}`))?.status()).toBe(404);
});

test("the agent sees both their customers read-only and cannot change anything", async ({ page }) => {
  await portalSignIn(page, "agent@agents.test");
  await expect(page.getByRole("heading", { name: "Hello, Grace Agent" })).toBeVisible();
  await expect(page.getByText("read-only")).toBeVisible();
  const switcher = page.getByRole("search", { name: "Switch customer" }).getByLabel("Customer");
  await expect(switcher.locator("option")).toHaveText(["Harbor Dental Clinic", "Maple Street Bakery"]);
  await expect(sites(page).filter({ hasText: "Harbor Main" })).toContainText("Read only");
  await switcher.selectOption({ label: "Maple Street Bakery" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(sites(page).filter({ hasText: "Maple Main" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My Team" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send me a mobile invitation" })).toHaveCount(0);
  await page.getByRole("link", { name: "Maple Main" }).click();
  await expect(page.getByTestId("installer-mode-state")).toContainText("You see this site read-only.");
  await expect(page.getByRole("button", { name: /Installer Mode/ })).toHaveCount(0);
  await expect(page.getByTestId("site-job").first()).toBeVisible();
  await page.goto("/app/team");
  await expect(page.getByText("My Team is for Site Managers")).toBeVisible();
  await expect(page.getByRole("button", { name: "+ ADD USER" })).toHaveCount(0);
});

test("creating a portal login past the licence count is refused with how many are in use", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/settings/portal");
  const used = Number((await page.getByTestId("portal-licences").innerText()).match(/^(\d+) of/)![1]);
  await page.getByLabel("Customer-portal licences").fill(String(used));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `has ${used} customer-portal licences` })).toBeVisible();

  await page.goto("/logins");
  await page.getByRole("button", { name: "+Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create login" });
  await dialog.getByLabel("Name").fill("Over Limit");
  await dialog.getByLabel("Email").fill("over.limit@customers.test");
  await dialog.getByLabel("Usergroup").selectOption({ label: "Customer Portal (external)" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText(`All ${used} customer-portal licences are in use (${used} portal logins)`);
  await expect(dialog.getByRole("alert")).toContainText("buy more licences");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.goto("/settings/portal");
  await page.getByLabel("Customer-portal licences").fill("25");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "has 25 customer-portal licences" })).toBeVisible();
});

test("Create Customer Contact → Link login (new) → password by email → Specific sites: Add Contact to Site shows the site in the portal", async ({ page, browser }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/customers");
  await page.getByRole("link", { name: "Summit Logistics" }).click();
  await page.getByRole("button", { name: "+Create New" }).click();
  const create = page.getByRole("dialog", { name: "Create Customer Contact" });
  await create.getByLabel("Contact Name").fill("Paula Portal");
  await create.getByLabel("Job Title").fill("Facilities");
  await create.getByLabel("Notes").fill("Wants the monthly report.");
  await create.getByRole("button", { name: "Save" }).click();
  await expect(create).toBeHidden();
  const contact = page.getByTestId("customer-contact").filter({ hasText: "Paula Portal" });
  await expect(contact).toContainText("Information only (no login)");
  await page.getByRole("button", { name: "Actions for Paula Portal" }).click();
  await page.getByRole("menuitem", { name: "Link login" }).click();
  const link = page.getByRole("dialog", { name: "Link login to Paula Portal" });
  await link.getByLabel("Create a login").check();
  await link.getByRole("textbox", { name: "Email" }).fill("paula.portal@customers.test");
  await link.getByLabel(/^Specific sites/).check();
  await link.getByRole("button", { name: "Link login" }).click();
  await expect(link).toBeHidden();
  await expect(contact).toContainText("Login paula.portal@customers.test · Specific sites");

  // Paula creates her password from the email, and sees no site yet.
  const body = await mailFromMailbox(page, "paula.portal@customers.test", /gives you access to the customer portal/);
  const url = body.match(/https?:\/\/\S+\/app\/link\?\S+/)![0];
  const context = await browser.newContext();
  const paula = await context.newPage();
  await paula.goto(url);
  await paula.getByRole("button", { name: "Continue" }).click();
  await paula.getByLabel("New password", { exact: true }).fill("Paula's portal passphrase");
  await paula.getByLabel("Confirm new password").fill("Paula's portal passphrase");
  await paula.getByRole("button", { name: "Set password" }).click();
  await expect(paula.getByRole("heading", { name: "Hello, Paula Portal" })).toBeVisible();
  await expect(paula.getByTestId("customer-site")).toHaveCount(0);

  // Site page → Contacts → Add Contact to Site.
  await page.goto("/customers");
  await page.getByRole("link", { name: "Summit Logistics" }).click();
  await page.getByRole("link", { name: "Summit Main" }).click();
  const contacts = page.getByRole("region", { name: "Contacts" });
  await contacts.getByLabel("Customer contact").selectOption({ label: "Paula Portal (paula.portal@customers.test)" });
  await contacts.getByLabel("Site role").selectOption("SITE_ADMIN");
  await contacts.getByRole("button", { name: "Add Contact to Site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paula Portal is a contact of Summit Main now." })).toBeVisible();
  await paula.reload();
  await expect(paula.getByTestId("customer-site")).toHaveCount(1);
  await expect(paula.getByTestId("customer-site").first()).toContainText("Site Admin");

  // Removed from the site: gone from her portal at once.
  await contacts.getByRole("button", { name: "Remove Paula Portal" }).click();
  await page.getByRole("dialog", { name: "Remove contact from site" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paula Portal is no longer a contact of Summit Main." })).toBeVisible();
  await paula.reload();
  await expect(paula.getByTestId("customer-site")).toHaveCount(0);
  await context.close();
});

test("an internal login sees its personnel record's jobs in My jobs; one without a record is told who can fix it", async ({ page }) => {
  await signIn(page, "tech@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My jobs" }).click();
  await expect(page.getByText("The jobs assigned to Taylor Tech")).toBeVisible();
  await expect(page.getByTestId("my-job").filter({ hasText: "Replace keypad" })).toContainText("Scheduled");
  await expect(page.getByTestId("my-job").filter({ hasText: "Annual inspection" })).toContainText("Completed");
  await expect(page.getByTestId("my-job").filter({ hasText: "Relocate motion sensor" })).toHaveCount(0);

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await signIn(page, "admin@demo.test");
  await page.goto("/my-jobs");
  await expect(page.getByText("Your login is not associated with a personnel record")).toBeVisible();

  // The admin associates their login with Jordan Engineer's record: Jordan's jobs show up.
  await page.goto("/personnel");
  await page.getByRole("button", { name: "Actions for Jordan Engineer" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Jordan Engineer" });
  await dialog.getByLabel("Associated Login").selectOption({ label: "Alex Admin (admin@demo.test)" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await page.goto("/my-jobs");
  await expect(page.getByTestId("my-job").filter({ hasText: "Add two cameras" })).toBeVisible();
  // Put it back for the other specs.
  await page.goto("/personnel");
  await page.getByRole("button", { name: "Actions for Jordan Engineer" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  await page.getByRole("dialog", { name: "Edit Jordan Engineer" }).getByLabel("Associated Login").selectOption("");
  await page.getByRole("dialog", { name: "Edit Jordan Engineer" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("dialog", { name: "Edit Jordan Engineer" })).toBeHidden();
});

test("jobs: create with validation, assign, and the customer portal shows the site's jobs read-only", async ({ page, browser }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/jobs");
  await page.getByRole("button", { name: "Create job" }).click();
  const dialog = page.getByRole("dialog", { name: "Create job" });
  // The site is found by typing: the list holds the matches only, with their address.
  await dialog.getByLabel("Search sites").fill("maple main");
  const site = dialog.getByLabel("Site", { exact: true });
  await expect(site.getByRole("option")).toHaveText(["Select a site", /^Maple Main \(.* Maple Rd, Springfield\)$/]);
  await site.selectOption({ index: 1 });
  await dialog.getByLabel("Title").fill("Test the siren");
  await dialog.getByLabel("Status").selectOption("SCHEDULED");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Enter when the job is scheduled.")).toBeVisible();
  await dialog.getByLabel("Scheduled time").fill("2027-01-15T10:00");
  await dialog.getByLabel("Assigned personnel").selectOption({ label: "Taylor Tech" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("searchbox", { name: "Search jobs" }).fill("siren");
  await expect(page.getByRole("row").filter({ hasText: "Test the siren" })).toContainText("Taylor Tech");

  const context = await browser.newContext();
  const customer = await context.newPage();
  await portalSignIn(customer, "sitecontact@customers.test");
  await customer.getByRole("link", { name: "Maple Main" }).click();
  await expect(customer.getByTestId("site-job").filter({ hasText: "Test the siren" })).toContainText("Scheduled");
  await context.close();
});
