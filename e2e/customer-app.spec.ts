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
