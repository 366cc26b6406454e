// Accessibility (DESIGN.md, rule 8: light and dark themes, every screen usable by keyboard, with
// accessible names). axe-core checks, against WCAG 2.0-2.2 A and AA and its best practices, every
// page that a user of each area reaches by links, in both themes, and the states that appear only on
// use: forms showing their errors, dialogs, drawers, menus, confirmations, the 404 pages.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { E2E_DATABASE_URL, expect, openRowButton, PASSWORD, signIn, test } from "./support";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

test.skip(/^postgres(ql)?:\/\//.test(E2E_DATABASE_URL), "the markup does not depend on the database: checked in the SQLite pass");

/**
 * No axe violation on the page as it is now. `overlay`: a menu or popover is open; it is portalled
 * to the end of the body, outside the page's landmarks, for as long as it is open (axe's `region`).
 */
async function expectAccessible(page: Page, what: string, { overlay = false } = {}) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ tags, overlay }) => {
      const { axe } = window as unknown as { axe: typeof import("axe-core") };
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], rules: overlay ? { region: { enabled: false } } : {} });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ")}`).join("\n")}`);
    },
    { tags: TAGS, overlay },
  );
  expect(violations, `accessibility of ${what} at ${page.url()}`).toEqual([]);
}

async function setThemeCookie(page: Page, theme: "light" | "dark") {
  await page.context().addCookies([{ name: "theme", value: theme, url: new URL(page.url()).origin }]);
}

/** A path with its ids replaced, so that one customer's page stands for every customer's. */
const shapeOf = (path: string) => path.replace(/\/c[a-z0-9]{20,}(?=\/|$)/g, "/:id");

/**
 * Visits the `start` pages and every page linked from them whose path starts with `prefix` (one per
 * shape), checks each, and returns the paths visited. Links are GET requests; changes are server actions.
 */
async function checkLinkedPages(page: Page, start: string[], prefix: string, skip: RegExp): Promise<Map<string, string>> {
  const visited = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (visited.has(shapeOf(path))) continue;
    visited.set(shapeOf(path), path);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessible(page, path);
    const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) {
      const linked = href.split(/[?#]/)[0]!;
      if (linked.startsWith(prefix) && !skip.test(linked) && !visited.has(shapeOf(linked))) queue.push(linked);
    }
  }
  return visited;
}

/** The same pages again in the dark theme. */
async function checkInDarkTheme(page: Page, pages: Map<string, string>) {
  await setThemeCookie(page, "dark");
  for (const path of pages.values()) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await expectAccessible(page, `${path} in the dark theme`);
  }
  await setThemeCookie(page, "light");
}

/** The same pages again on a phone's screen. */
async function checkOnPhone(page: Page, pages: Map<string, string>) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of pages.values()) {
    await page.goto(path);
    await expectAccessible(page, `${path} on a phone`);
  }
  await page.setViewportSize(size);
}

async function customerSignIn(page: Page, email: string) {
  await page.goto("/app/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();
}

test("the console: every page an Organization Manager reaches, in both themes and on a phone", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin@demo.test");
  const pages = await checkLinkedPages(page, ["/", "/account/password"], "/", /^\/(app|installer|api)(\/|$)/);
  expect([...pages.keys()]).toEqual(
    expect.arrayContaining([
      "/",
      "/account/password",
      "/installers",
      "/employees",
      "/roles",
      "/panels",
      "/panels/groups/:id",
      "/customers",
      "/customers/:id",
      "/sites",
      "/sites/:id",
      "/sites/credential-groups/:id",
      "/logins",
      "/logins/:id",
      "/personnel",
      "/jobs",
      "/my-jobs",
      "/audit",
      "/settings/email",
      "/settings/security",
      "/settings/portal",
    ]),
  );
  await checkInDarkTheme(page, pages);
  await checkOnPhone(page, pages);
});

test("the console's dialogs, drawer, menus, confirmation, selection and 404 page", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/installers");
  await page.getByRole("button", { name: "Register installer" }).click();
  const register = page.getByRole("dialog", { name: "Register installer" });
  await register.getByRole("button", { name: "Save" }).click();
  await expect(register.locator("[aria-invalid=true]").first()).toBeVisible();
  await expectAccessible(page, "Register installer, showing its errors");
  await register.getByRole("button", { name: "Cancel" }).click();
  await expect(register).toBeHidden();

  await openRowButton(page, "Liam Smith").click();
  await expect(page.getByRole("dialog", { name: "Liam Smith" })).toBeVisible();
  await expectAccessible(page, "the installer drawer");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("button", { name: "Actions for Liam Smith" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, "a row's menu", { overlay: true });
  await page.getByRole("menuitem", { name: "Remove" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove installer" });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, "the Remove installer confirmation");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();

  await page.getByRole("checkbox", { name: "Select Liam Smith" }).check();
  await expect(page.getByRole("group", { name: "Bulk actions" })).toContainText("1 selected");
  await expectAccessible(page, "a selected row and the bulk actions");

  await page.getByRole("button", { name: "User menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out", exact: true })).toBeVisible();
  await expectAccessible(page, "the user menu", { overlay: true });

  await page.goto("/customers/no-such-customer");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expectAccessible(page, "the console's 404 page");
});

test("sign-in and password pages of the three areas, with their errors, in both themes", async ({ page }) => {
  for (const theme of ["light", "dark"] as const) {
    await page.goto("/login");
    await setThemeCookie(page, theme);
    for (const path of ["/login", "/app/login", "/installer/login"]) {
      await page.goto(path);
      await page.getByLabel("Email", { exact: true }).fill("nobody@demo.test");
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
      await expectAccessible(page, `${path} after a wrong password (${theme})`);
    }
    for (const path of ["/forgot-password", "/setup-password", "/app/forgot-password", "/app/set-password", "/installer/register", "/installer/forgot-password", "/no-such-page"]) {
      await page.goto(path);
      await expectAccessible(page, `${path} (${theme})`);
    }
  }
});

test("the customer app: My sites, My Team, a site, a team member (both themes, and on a phone), Add user with its errors, Invite; the agent's read-only view", async ({ page }) => {
  await customerSignIn(page, "owner1@customers.test");
  const pages = await checkLinkedPages(page, ["/app"], "/app", /^\/app\/(login|link|activate)(\/|$)/);
  expect([...pages.keys()]).toEqual(expect.arrayContaining(["/app", "/app/team", "/app/sites/:id", "/app/team/:id"]));
  await checkInDarkTheme(page, pages);
  await checkOnPhone(page, pages);

  await page.goto("/app/team");
  await page.getByRole("button", { name: "+ ADD USER" }).click();
  const addUser = page.getByRole("dialog", { name: "Add user" });
  await addUser.getByRole("button", { name: "Save" }).click();
  await expect(addUser.locator("[aria-invalid=true]").first()).toBeVisible();
  await expectAccessible(page, "Add user, showing its errors");
  await page.keyboard.press("Escape");
  await expect(addUser).toBeHidden();

  await page.getByRole("button", { name: "More options for Amelia Martin" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, "a team card's menu", { overlay: true });
  await page.getByRole("menuitem", { name: "Invite" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the Invitation screen");
  await page.keyboard.press("Escape");

  await page.goto("/app/sites/no-such-site");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expectAccessible(page, "the customer app's 404 page");

  await page.context().clearCookies();
  await customerSignIn(page, "agent@agents.test");
  await checkLinkedPages(page, ["/app"], "/app", /^\/app\/(login|link|activate)(\/|$)/);
});

test("the installer app: panels and account, in both themes", async ({ page }) => {
  await page.goto("/installer/login");
  await page.getByLabel("Email", { exact: true }).fill("liam.smith@installers.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/installer$/);
  const pages = await checkLinkedPages(page, ["/installer"], "/installer", /^\/installer\/(login|register|reset-password|forgot-password)(\/|$)/);
  expect([...pages.keys()]).toEqual(expect.arrayContaining(["/installer"]));
  await checkInDarkTheme(page, pages);
});
