import http from "node:http";
import zlib from "node:zlib";
import { expect, test, codeFromMailbox, signIn, signOut } from "./support";

test("an employee signs in and out", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await expect(page.getByTestId("organization-name")).toHaveText("Northwind Security");
  await expect(page.getByRole("heading", { name: /Welcome, Alex Admin/ })).toBeVisible();
  await signOut(page);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("The email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("forgot password works end to end through the dev mailbox", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: wait until the new page is shown before typing.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill("contact@demo.test");
  const asked = new Date();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("If an account exists for that email, we sent it a code.")).toBeVisible();
  const resetUrl = page.url();
  const code = await codeFromMailbox(page, "contact@demo.test", /password reset code/, { sentSince: asked });
  await page.goto(resetUrl);
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("New password", { exact: true }).fill("Fresh-Password-7");
  await page.getByLabel("Confirm password").fill("Fresh-Password-7");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await signIn(page, "contact@demo.test", "Fresh-Password-7");
  await expect(page.getByRole("heading", { name: /Welcome, Casey Contact/ })).toBeVisible();
});

test("a user without a permission sees no link and gets 403 by URL", async ({ page }) => {
  await signIn(page, "tech@demo.test");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Installers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  const settings = await page.goto("/settings/email");
  expect(settings?.status()).toBe(403);
});

test("the side menu navigates inside the app, marks the current page and keeps the browser's own new-tab click", async ({ page, context }) => {
  await signIn(page, "admin@demo.test");
  const nav = page.getByRole("navigation", { name: "Main" });
  // A value set on the window survives only a navigation inside the app, not a page load.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await nav.getByRole("link", { name: "Installers" }).click();
  await expect(page).toHaveURL(/\/installers$/);
  await expect(page.getByRole("heading", { name: "Installers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Installers" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Employees" }).click();
  await expect(page).toHaveURL(/\/employees$/);
  await expect(nav.getByRole("link", { name: "Employees" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(/\/installers$/);
  await expect(nav.getByRole("link", { name: "Installers" })).toHaveAttribute("aria-current", "page");
  // Ctrl+click is the browser's: the page opens in a new tab and this one stays.
  const opened = context.waitForEvent("page");
  await nav.getByRole("link", { name: "Audit log" }).click({ modifiers: ["ControlOrMeta"] });
  const tab = await opened;
  await expect(tab).toHaveURL(/\/audit$/);
  await expect(page).toHaveURL(/\/installers$/);
  await tab.close();
});

test("dark mode persists across reloads and sign-ins", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("the audit log shows the sign-in and can be filtered", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").fill("auth.sign_in.console");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth.sign_in.console/);
  const row = page.getByRole("row").filter({ hasText: "admin@demo.test" }).first();
  await expect(row).toContainText("auth.sign_in.console");
  await expect(row).toContainText("success");
});

test("email settings show the transport, save SMTP settings and report a failing test email", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/settings/email");
  await expect(page.getByText("Email delivery is not configured.")).toBeVisible();
  for (const count of ["Queued", "Sent in the last 30 days", "Failed"]) await expect(page.getByText(count, { exact: true })).toBeVisible();
  // The server's own network is refused: Settings → Email is no port scanner.
  await page.getByLabel("Host").fill("127.0.0.1");
  await page.getByLabel("Port", { exact: true }).fill("9");
  await page.getByLabel("From address").fill("Northwind <alerts@northwind.test>");
  await page.getByLabel("Password", { exact: true }).fill("smtp-secret");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Use a public SMTP server: loopback, link-local and private network addresses are not allowed.").first()).toBeVisible();
  await page.getByLabel("Host").fill("smtp.invalid");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "SMTP settings saved" })).toBeVisible();
  await expect(page.getByTestId("active-transport")).toContainText("SMTP (smtp.invalid:9)");
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be delivered: could not connect" })).toBeVisible();
  await page.getByRole("button", { name: "Remove settings" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByText("Email delivery is not configured.")).toBeVisible();
});

test("pages come compressed with gzip when the browser takes it, plain otherwise, and the browser shows them", async ({ page, baseURL }) => {
  // Raw bytes, as the server sends them (fetch and Playwright's request would decode them).
  const raw = (encoding: string | null) =>
    new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
      const headers = encoding ? { "accept-encoding": encoding } : {};
      http
        .get(`${baseURL}/login`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], vary: String(res.headers.vary ?? ""), body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  const plain = await raw(null);
  expect(plain.encoding).toBeUndefined();
  expect(plain.body.toString()).toContain("<title>Sign in");
  const gzip = await raw("gzip");
  expect(gzip.encoding).toBe("gzip");
  expect(gzip.vary).toMatch(/accept-encoding/i);
  expect(zlib.gunzipSync(gzip.body).toString()).toContain("<title>Sign in");
  // A browser asks for brotli too; it gets gzip (scripts/compress.mjs says why), a third of the size.
  const browserLike = await raw("gzip, deflate, br, zstd");
  expect(browserLike.encoding).toBe("gzip");
  expect(zlib.gunzipSync(browserLike.body).toString()).toContain("<title>Sign in");
  expect(browserLike.body.length).toBeLessThan(plain.body.length / 2);
  expect((await raw("br")).encoding).toBeUndefined();
  // A browser gets the page, and its scripts run.
  await signIn(page, "admin@demo.test");
  await expect(page.getByTestId("organization-name")).toHaveText("Northwind Security");
});
