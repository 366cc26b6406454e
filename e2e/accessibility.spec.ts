// Accessibility (DESIGN.md, rule 8: light and dark themes, every screen usable by keyboard, with
// accessible names). axe-core checks, against WCAG 2.0-2.2 A and AA and its best practices, every
// page that a user of each area reaches by links, in both themes, and the states that appear only on
// use: forms showing their errors, dialogs, drawers, menus, confirmations, the 404 pages. Two flows
// run on the keyboard alone, and the focus must come back to what opened each dialog.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Locator, Page } from "@playwright/test";
import { customerSignIn, E2E_DATABASE_URL, expect, openRowButton, PASSWORD, signIn, test } from "./support";

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

/** Presses Tab until `target` has the focus, as a keyboard user moves to it; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, what: string, most = 60) {
  await expect(target).toBeVisible();
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  if (await target.evaluate((el) => el === document.activeElement)) return;
  throw new Error(`${what} is not reached with ${most} presses of the Tab key`);
}

/** Presses the down arrow in an open menu until `item` has the focus. */
async function arrowTo(page: Page, item: Locator) {
  await expect(item).toBeVisible();
  for (let i = 0; i < 10 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
  await expect(item).toBeFocused();
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

test("the console's dialogs, drawer, menus, confirmation, selection, Add site's customer search and 404 page", async ({ page }) => {
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

  await page.goto("/sites");
  await page.getByRole("button", { name: "Add site" }).click();
  const addSite = page.getByRole("dialog", { name: "Add site" });
  await addSite.getByLabel("Search customers").fill("no such customer");
  await expect(addSite.getByText("Nothing matches")).toBeVisible();
  await expectAccessible(page, "Add site, its customer search finding nothing");
  await addSite.getByRole("button", { name: "Cancel" }).click();

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

test("keyboard only: a Site Manager adds a user and sends them a web invitation, as seed 001 describes", async ({ page }) => {
  const run = Date.now() % 1_000_000;
  const person = { name: `Kim Keys${run}`, email: `kim.keys.${run}@customers.test`, phone: `(415) 555-02${String(10 + (run % 90))}` };
  await page.goto("/app/login");
  await tabTo(page, page.getByLabel("Email"), "Email");
  await page.keyboard.type("owner2@customers.test");
  await tabTo(page, page.getByLabel("Password"), "Password");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "My Team" }), "My Team");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "My Team" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "+ ADD USER" }), "+ ADD USER");
  await page.keyboard.press("Enter");
  const addUser = page.getByRole("dialog", { name: "Add user" });
  await expect(addUser).toBeVisible();
  for (const [label, value] of [
    ["First name", "Kim"],
    ["Last name", `Keys${run}`],
    ["Email", person.email],
    ["Mobile phone", person.phone],
  ] as const) {
    await tabTo(page, addUser.getByLabel(label, { exact: true }), label);
    await page.keyboard.type(value);
  }
  const role = addUser.getByLabel("Site role at Maple Main");
  await tabTo(page, role, "Site role at Maple Main");
  await page.keyboard.type("Site Member");
  await expect(role).toHaveValue("SITE_MEMBER");
  await tabTo(page, addUser.getByRole("button", { name: "Save" }), "Save");
  await page.keyboard.press("Enter");
  await expect(addUser).toBeHidden();
  const card = page.getByTestId("team-card").filter({ hasText: person.name });
  await expect(card.getByTestId("invitation-state")).toContainText("Invited (mobile)");

  // The card's menu, Invite, Use a web browser, SEND.
  await tabTo(page, page.getByRole("button", { name: `More options for ${person.name}` }), "the card's menu");
  await page.keyboard.press("Enter");
  await arrowTo(page, page.getByRole("menuitem", { name: "Invite" }));
  await page.keyboard.press("Enter");
  const invitation = page.getByRole("dialog", { name: "Invitation" });
  await expect(invitation).toBeVisible();
  await tabTo(page, invitation.getByLabel("Use a mobile device"), "Use a mobile device");
  await page.keyboard.press("ArrowDown");
  await expect(invitation.getByLabel("Use a web browser")).toBeChecked();
  await tabTo(page, invitation.getByRole("button", { name: "SEND" }), "SEND");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `We emailed ${person.name} a web invitation.` })).toBeVisible();
  await expect(card.getByTestId("invitation-state")).toContainText("Invited (web)");
  // The focus is back where the invitation started: the card's menu button.
  await expect(page.getByRole("button", { name: `More options for ${person.name}` })).toBeFocused();
});

test("keyboard only: an admin registers an installer, opens and closes it, and cancels its removal; the focus comes back each time", async ({ page }) => {
  const email = `keys.${Date.now() % 1_000_000}@e2e.test`;
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email"), "Email");
  await page.keyboard.type("admin@demo.test");
  await tabTo(page, page.getByLabel("Password"), "Password");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/\/login/);

  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Installers" }), "Installers in the side menu");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Installers" })).toBeVisible();

  // On a page loaded afresh, the first Tab offers to skip the header and the side menu.
  await page.goto("/installers");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await tabTo(page, page.getByRole("button", { name: "Register installer" }), "Register installer", 3);
  await page.keyboard.press("Enter");
  const register = page.getByRole("dialog", { name: "Register installer" });
  for (const [label, value] of [
    ["Name", "Kai Keys"],
    ["Email", "liam.smith@installers.test"],
    ["Phone", "+1 555 4040"],
  ] as const) {
    await tabTo(page, register.getByLabel(label), label);
    await page.keyboard.type(value);
  }
  await page.keyboard.press("Enter");
  // Refused by the server: the field it names takes the focus, with the reason next to it.
  await expect(register.getByText("An account with this email already exists.").first()).toBeVisible();
  await expect(register.getByLabel("Email")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(register).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Kai Keys is registered" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register installer" })).toBeFocused();

  await tabTo(page, page.getByRole("searchbox", { name: "Search installers" }), "the search box");
  await page.keyboard.type(email);
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === email);
  const open = openRowButton(page, "Kai Keys");
  await tabTo(page, open, "the row");
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: "Kai Keys" });
  await expect(drawer).toContainText(email);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(open).toBeFocused();

  // From the row's menu: Remove asks first; Cancel gives the focus back to the menu's button.
  const actions = page.getByRole("button", { name: "Actions for Kai Keys" });
  await tabTo(page, actions, "the row's menu");
  await page.keyboard.press("Enter");
  await arrowTo(page, page.getByRole("menuitem", { name: "Remove" }));
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Remove installer" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(actions).toBeFocused();
});
