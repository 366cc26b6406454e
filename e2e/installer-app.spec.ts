import { expect, test, e2eRow, mailFromMailbox, PASSWORD, rowMenu, signIn, signOut } from "./support";

test("an installer signs in with an emailed link: the link only opens a confirmation page", async ({ page }) => {
  const email = "isabella.wilson@installers.test";
  await page.goto("/installer/login");
  await page.getByLabel("Email for a sign-in link").fill(email);
  const asked = new Date();
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const body = await mailFromMailbox(page, email, /sign-in link/, { sentSince: asked });
  const link = /(http:\/\/localhost:\d+\/installer\/login\/confirm\?\S+)/.exec(body)![1]!;
  // Opening the link (as a mail scanner would) does not sign in or use it up.
  await page.goto(link);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Sign in to the installer application" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Isabella Wilson" })).toBeVisible();
  const panels = page.getByTestId("installer-panel");
  await expect(panels.first()).toBeVisible();
  // The link works once.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/installer\/login/);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The sign-in link is invalid or has expired")).toBeVisible();
});

test("a panel with installer app access off is listed as disabled", async ({ page }) => {
  const row = await e2eRow<{ email: string; imei: string }>(
    `SELECT i."email" AS "email", p."imei" AS "imei" FROM "InstallerPanel" ip JOIN "Installer" i ON i."id" = ip."installerId" JOIN "Panel" p ON p."id" = ip."panelId"
     WHERE NOT p."installerAppAccess" AND i."status" = 'ACCEPTED' AND i."email" LIKE '%@installers.test' AND i."email" <> 'liam.smith@installers.test' ORDER BY i."email" LIMIT 1`,
  );
  expect(row, "demo data has an accepted installer with a disabled panel").toBeTruthy();
  await page.goto("/installer/login");
  await page.getByLabel("Email", { exact: true }).fill(row!.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("installer-panel").filter({ hasText: row!.imei })).toContainText("Disabled: installer app access is off for this panel");
});

test("a rejected installer is told that access is disabled; accepting restores it", async ({ page }) => {
  const rejected = (await e2eRow<{ name: string; email: string }>(
    `SELECT "name", "email" FROM "Installer" WHERE "status" = 'REJECTED' AND "email" LIKE '%@installers.test' ORDER BY "email" LIMIT 1`,
  ))!;
  await page.goto("/installer/login");
  await page.getByLabel("Email", { exact: true }).fill(rejected.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "access to the installer application is disabled" })).toBeVisible();

  await signIn(page, "manager@demo.test");
  await page.goto(`/installers?q=${encodeURIComponent(rejected.email)}`);
  await rowMenu(page, rejected.name, "Accept");
  await expect(page.getByRole("status").filter({ hasText: "1 accepted" })).toBeVisible();
  await signOut(page);

  await page.goto("/installer/login");
  await page.getByLabel("Email", { exact: true }).fill(rejected.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${rejected.name}` })).toBeVisible();
});

test("an installer cannot open the admin console, and an employee is sent away from the installer app", async ({ page }) => {
  await page.goto("/installer/login");
  await page.getByLabel("Email", { exact: true }).fill("noah.anderson@installers.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Hello/ })).toBeVisible();
  await page.goto("/installers");
  await expect(page).toHaveURL(/\/installer$/);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/installer\/login/);
  await signIn(page, "admin@demo.test");
  await page.goto("/installer");
  await expect(page).toHaveURL(/localhost:\d+\/$/);
});
