import type { Page } from "@playwright/test";
import { expect, test, e2eRow, mailFromMailbox, signIn, signOut } from "./support";

test.describe.configure({ mode: "serial" });

async function siteId(name: string): Promise<string> {
  const row = await e2eRow<{ id: string }>(`SELECT s."id" AS "id" FROM "Site" s JOIN "Organization" o ON o."id" = s."organizationId" WHERE s."name" = $1 AND o."name" = 'Northwind Security'`, [name]);
  return row!.id;
}

async function credentialsMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "Credentials ▾" }).click();
  await page.getByRole("menuitem", { name: item }).click();
  return page.getByRole("dialog", { name: item });
}

test("an Install Technician is refused on an active site with the seed's explanation, and allowed on a site not yet activated", async ({ page }) => {
  await signIn(page, "tech@demo.test");
  await page.goto(`/sites/${await siteId("Summit Main")}`);
  let dialog = await credentialsMenu(page, "Add to New Group");
  await expect(dialog.getByRole("alert")).toHaveText("An Installer Technician does not have the privilege to do this on active sites. An Installer Manager or Organization Manager can do this.");
  await expect(dialog.getByRole("button", { name: "NEXT" })).toBeDisabled();
  await dialog.getByRole("button", { name: "CANCEL" }).click();

  await page.goto(`/sites/${await siteId("Maple Annex")}`);
  dialog = await credentialsMenu(page, "Add to New Group");
  await dialog.getByLabel("Group name").fill("Maple Group");
  await dialog.getByRole("button", { name: "NEXT" }).click();
  await expect(dialog.getByRole("alert")).toContainText("removes all of the site's own credentials");
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Maple Annex is in the new credential group Maple Group" })).toBeVisible();
  await expect(page.getByTestId("site-title")).toHaveText("Maple Annex · Maple Group");
});

test("without Installer Mode an active site is read-only, and the console can ask the customer to turn it on", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto(`/sites/${await siteId("Maple Main")}`);
  await expect(page.getByText("read-only in the console until the customer turns Installer Mode on")).toBeVisible();
  const dialog = await credentialsMenu(page, "Add to Existing Group");
  await expect(dialog.getByRole("alert")).toContainText("must turn Installer Mode on");
  await dialog.getByRole("button", { name: "CANCEL" }).click();
  await page.getByRole("button", { name: "Edit site" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Maple Main" });
  await edit.getByLabel("Name").fill("Maple Main renamed");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("alert")).toContainText("Installer Mode");
  await edit.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Request Installer Mode" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Installer Mode was requested from" })).toBeVisible();
  await signOut(page);
  expect(await mailFromMailbox(page, "owner2@customers.test", /Installer Mode/)).toContain("Maple Main");
});

test("a manager adds an active site in Installer Mode to an existing group: site credentials are replaced, the version goes up", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto(`/sites/${await siteId("Summit Main")}`);
  const version = Number((await page.getByTestId("config-version").innerText()).replace(/\D/g, ""));
  await expect(page.getByTestId("credential").filter({ hasText: "This site · Active" }).first()).toBeVisible();
  const dialog = await credentialsMenu(page, "Add to Existing Group");
  await dialog.getByLabel("Credential group").selectOption({ label: "Harbor Dental (2 sites, 1 in Installer Mode)" });
  await dialog.getByRole("button", { name: "NEXT" }).click();
  await expect(dialog.getByRole("alert")).toContainText("WARNING: Adding this site to a credential group removes all of the site's own credentials");
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.getByTestId("site-title")).toHaveText("Summit Main · Harbor Dental");
  await expect(page.getByTestId("config-version")).toHaveText(`Configuration version ${version + 1}`);
  await expect(page.getByTestId("credential").filter({ hasText: "Group Harbor Dental · Active" }).first()).toBeVisible();
  await expect(page.getByTestId("credential").filter({ hasText: "This site · Active" })).toHaveCount(0);
});

test("Remove from Group warns, deactivates the site's credentials, and Regenerate issues new ones", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto(`/sites/${await siteId("Harbor Main")}`);
  await page.getByRole("button", { name: "Credentials ▾" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Move to Existing Group", "Remove from Group"]);
  await page.getByRole("menuitem", { name: "Remove from Group" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove from Group" });
  await dialog.getByRole("button", { name: "NEXT" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "WARNING: Removing a site from its current credential group will deactivate all site credentials. The site will then become a standalone site that can regenerate its own credentials.",
  );
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.getByTestId("site-title")).toHaveText("Harbor Main");
  await expect(page.getByTestId("credential").filter({ hasText: "· Active" })).toHaveCount(0);
  await expect(page.getByTestId("credential").filter({ hasText: "This site · Deactivated" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Credentials ▾" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Add to New Group", "Add to Existing Group", "Regenerate credentials"]);
  await page.getByRole("menuitem", { name: "Regenerate credentials" }).click();
  const regen = page.getByRole("dialog", { name: "Regenerate credentials" });
  await regen.getByRole("button", { name: "NEXT" }).click();
  await regen.getByRole("button", { name: "OK" }).click();
  // One for each of the site's five people.
  await expect(page.getByTestId("credential").filter({ hasText: "This site · Active" })).toHaveCount(5);
});

test("a manager moves a grouped site to another group", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto(`/sites/${await siteId("Summit Main")}`);
  const dialog = await credentialsMenu(page, "Move to Existing Group");
  await dialog.getByLabel("Credential group").selectOption({ index: 1 });
  const chosen = (await dialog.getByLabel("Credential group").locator("option:checked").innerText()).split(" (")[0];
  await dialog.getByRole("button", { name: "NEXT" }).click();
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.getByTestId("site-title")).toHaveText(`Summit Main · ${chosen}`);
});

test("COLUMNS shows the Credential Group column, kept after reload and a new sign-in; a phone shows two columns", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/sites");
  await expect(page.getByRole("columnheader", { name: /Credential Group/ })).toHaveCount(0);
  await page.getByRole("button", { name: "COLUMNS" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Credential Group" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: /Credential Group/ })).toBeVisible();
  await expect(page.locator("tr[data-row-id]").filter({ hasText: "Harbor Annex" })).toContainText("Harbor Dental");
  await page.reload();
  await expect(page.getByRole("columnheader", { name: /Credential Group/ })).toBeVisible();
  await signOut(page);
  await signIn(page, "admin@demo.test");
  await page.goto("/sites");
  await expect(page.getByRole("columnheader", { name: /Credential Group/ })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  // Polled: on a slower database the grid streams in after the page's shell, and React reveals it a moment later.
  const visibleHeaders = () => page.locator("thead th").evaluateAll((ths) => ths.filter((th) => (th as HTMLElement).offsetParent !== null).map((th) => th.textContent?.trim()));
  await expect.poll(visibleHeaders).toHaveLength(2);
  await page.locator("tr[data-row-id]").filter({ hasText: "Harbor Annex" }).getByRole("link", { name: "Harbor Annex" }).click();
  await expect(page.getByTestId("site-title")).toHaveText("Harbor Annex · Harbor Dental");
});

test("activating a site emails the key account holder", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto(`/sites/${await siteId("Summit Annex")}`);
  await page.getByRole("button", { name: "Activate site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Summit Annex is active" })).toBeVisible();
  await expect(page.getByText("Status Active")).toBeVisible();
  await signOut(page);
  expect(await mailFromMailbox(page, "owner3@customers.test", /Summit Annex is active/)).toContain("activated your site Summit Annex");
});

test("credential groups list their sites; a group is renamed only while one of its sites can be changed", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/sites/credential-groups");
  const harbor = page.locator("tr[data-row-id]").filter({ hasText: "Harbor Dental" });
  await expect(harbor).toBeVisible();
  await harbor.getByRole("link", { name: "Harbor Dental" }).click();
  await expect(page.locator("tr[data-row-id]").filter({ hasText: "Harbor Annex" })).toBeVisible();
  await expect(page.getByText("No site of this group is in Installer Mode")).toBeVisible();
  await page.getByRole("button", { name: "Rename" }).click();
  let dialog = page.getByRole("dialog", { name: "Rename credential group" });
  await dialog.getByLabel("Name").fill("Harbor Dental Group");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("At least one site in the credential group must be in Installer Mode");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.goto("/sites/credential-groups");
  await page.getByRole("link", { name: "Maple Group" }).click();
  await page.getByRole("button", { name: "Rename" }).click();
  dialog = page.getByRole("dialog", { name: "Rename credential group" });
  await dialog.getByLabel("Name").fill("Maple and Summit");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Maple and Summit" })).toBeVisible();
});

test("customers: add, list their sites, and refuse to delete one with sites", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/customers");
  await page.getByRole("button", { name: "Add customer" }).click();
  const dialog = page.getByRole("dialog", { name: "Add customer" });
  await dialog.getByLabel("Name").fill("Riverside Gym");
  await dialog.getByLabel("Account number").fill("C-1002");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Another customer has this account number.").first()).toBeVisible();
  await dialog.getByLabel("Account number").fill("C-2001");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("tr[data-row-id]").filter({ hasText: "Riverside Gym" })).toContainText("C-2001");
  await page.getByRole("button", { name: "Actions for Maple Street Bakery" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "still has 2 sites" })).toBeVisible();
  await page.getByRole("link", { name: "Maple Street Bakery" }).click();
  await expect(page.getByRole("link", { name: "Maple Main" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Maple Annex" })).toBeVisible();
});
