import { expect, signIn, test } from "./support";

test("a customer signs in to the web app and sees their sites with their role; the console sends them back", async ({ page }) => {
  await page.goto("/app");
  await expect(page).toHaveURL(/\/app\/login/);
  await page.getByLabel("Email").fill("owner3@customers.test");
  await page.getByLabel("Password").fill("DemoPass-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Hello, Sophia Lopez" })).toBeVisible();
  const sites = page.getByTestId("customer-site");
  await expect(sites.first()).toContainText("Site Manager");
  await expect(sites.filter({ hasText: "Summit Annex" })).toContainText("Not activated");
  await page.goto("/installers");
  await expect(page).toHaveURL(/\/app$/);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/app\/login/);
});

test("an employee opening the customer app is sent to the console", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/app");
  await expect(page).not.toHaveURL(/\/app/);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
});

test("a Site Manager turns Installer Mode on for 2 hours; the console shows it with its end and may change the site", async ({ page, browser }) => {
  await page.goto("/app/login");
  await page.getByLabel("Email").fill("owner1@customers.test");
  await page.getByLabel("Password").fill("DemoPass-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("link", { name: "Harbor Annex" }).click();
  await expect(page.getByTestId("my-credential").first()).toContainText("Credential group Harbor Dental");
  await expect(page.getByTestId("site-person")).toHaveCount(3);
  await expect(page.getByTestId("installer-mode-state")).toContainText("Installer Mode is off");
  await page.getByLabel("2 hours").check();
  await page.getByRole("button", { name: "Turn on Installer Mode" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Installer Mode is on until .* for Harbor Annex/ })).toBeVisible();
  await expect(page.getByTestId("installer-mode-state")).toContainText("Installer Mode is on until");

  const console = await browser.newContext();
  const admin = await console.newPage();
  await signIn(admin, "manager@demo.test");
  await admin.goto("/sites");
  await admin.getByRole("link", { name: "Harbor Annex" }).first().click();
  await expect(admin.getByTestId("installer-mode-until")).toContainText(/until .* \(1 h 5\d min left\)|\(2 h 0 min left\)/);
  await console.close();

  await page.getByRole("button", { name: "Turn off Installer Mode" }).click();
  await expect(page.getByTestId("installer-mode-state")).toContainText("Installer Mode is off");
});

test("My Team: a Site Manager sees the people of their sites with their roles and searches them; a Site Admin has no My Team", async ({ page }) => {
  await page.goto("/app/login");
  await page.getByLabel("Email").fill("owner1@customers.test");
  await page.getByLabel("Password").fill("DemoPass-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("link", { name: "My Team" }).click();
  await expect(page.getByRole("heading", { name: "My Team" })).toBeVisible();
  const cards = page.getByTestId("team-card");
  await expect(cards.filter({ hasText: "William Anderson" })).toContainText("Harbor Main: Site Admin");
  // The demo's invitation states: an open mobile invitation and an expired one.
  await expect(cards.filter({ hasText: "Noah Pending" }).getByTestId("invitation-state")).toContainText("Invited (mobile)");
  await expect(cards.filter({ hasText: "Emma Expired" }).getByTestId("invitation-state")).toContainText("Expired");
  await page.getByRole("searchbox", { name: "Search my team" }).fill("amelia");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Amelia Martin");
  await page.getByRole("link", { name: "← My sites" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  await page.getByLabel("Email").fill("william.anderson@customers.test");
  await page.getByLabel("Password").fill("DemoPass-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Hello, William Anderson" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My Team" })).toHaveCount(0);
});
