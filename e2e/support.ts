import { spawn, type ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/**
 * Every full page load waits until React has hydrated, so that typing is never lost, and until the
 * parts streamed after a loading state are in place. A streamed part arrives in a hidden
 * `<div hidden id="S:…">` that React moves into the page a moment later, sometimes after hydration;
 * until then a text locator (which also finds hidden elements) could find the part's texts twice,
 * or not in the page yet (seen once in CI on PostgreSQL, whose Installers page streams its grid).
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'));
      return response;
    };
    await provide(page);
  },
});

export const PASSWORD = "DemoPass-2026";

/** The e2e database's URL: SQLite by default; PostgreSQL when scripts/test.sh runs the suite there too. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./.data/e2e.db";

/**
 * Reads (and, for moving a stored time, writes) the e2e database directly, on either engine: SQL
 * with quoted identifiers and $1, $2 … parameters, the same on SQLite and PostgreSQL.
 */
export async function e2eQuery<T>(sql: string, params: unknown[] = [], url = E2E_DATABASE_URL): Promise<T[]> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(url.replace(/^file:/, ""));
  try {
    // Prisma's SQLite adapter stores times as ISO text with +00:00.
    const values = params.map((v) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v));
    const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
    return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[];
  } finally {
    db.close();
  }
}

/** The first row of a query, or undefined. */
export async function e2eRow<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await e2eQuery<T>(sql, params))[0];
}

/** A production server of a spec's own (scripts/server.mjs, as `npm start` runs it): the runner's environment, then `env`. */
export function startProductionServer(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: { ...process.env, PORT: String(port), AUTH_SECRET: "spec-server-secret-0123456789abcdef", APP_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

/** Until the server on this port answers at all (it listens only once Next is ready). */
export async function untilListening(port: number) {
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(`http://localhost:${port}/login`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`the server on ${port} did not start`);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Signs a customer's contact in to the customer web app; My sites greets them. */
export async function customerSignIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/app/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Reads the newest code sent to this address from the dev mailbox page, as a newcomer would. */
export async function codeFromMailbox(page: Page, to: string, subject: RegExp, options: { sentSince?: Date } = {}): Promise<string> {
  const body = await mailFromMailbox(page, to, subject, options);
  const code = /\b(\d{8})\b/.exec(body)?.[1];
  expect(code, `a code in the mail to ${to}`).toBeTruthy();
  return code!;
}

let counter = 0;
/** Registers a new installer through the Register installer modal; returns its email. */
export async function registerInstallerViaUi(page: Page, name: string): Promise<string> {
  counter++;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${Date.now() % 100000}${counter}@e2e.test`;
  await page.goto("/installers");
  await page.getByRole("button", { name: "Register installer" }).click();
  const dialog = page.getByRole("dialog", { name: "Register installer" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Phone").fill("+1 555 3030");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `${name} is registered` })).toBeVisible();
  return email;
}

/** A data row of the grid (not the empty-state row, which may quote the search). */
export function installerRow(page: Page, email: string) {
  return page.locator("tr[data-row-id]").filter({ hasText: email });
}

export async function searchInstallers(page: Page, q: string) {
  await page.getByRole("searchbox", { name: "Search installers" }).fill(q);
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === q);
}

/** The button that opens a grid row, named by what its first cell shows (the name, then e.g. the email). */
export function openRowButton(page: Page, name: string) {
  return page.getByRole("button", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`) });
}

export async function rowMenu(page: Page, name: string, item: string) {
  await page
    .getByRole("button", { name: `Actions for ${name}` })
    .first()
    .click();
  await page.getByRole("menuitem", { name: item }).click();
}

/**
 * The newest message to this address in the dev mailbox: its plain text. Reloads until it is there:
 * some messages (sign-in links and codes, password resets) are queued after the response is sent,
 * so that how long the answer takes does not tell whether the address has an account. For those,
 * `sentSince` (taken before the click) waits for that message, not one of an earlier try.
 */
export async function mailFromMailbox(page: Page, to: string, subject: RegExp, options: { sentSince?: Date } = {}): Promise<string> {
  const message = page.getByTestId("mail-message").filter({ hasText: to }).filter({ hasText: subject }).first();
  // The mailbox shows when a message was queued to the second, in UTC.
  const since = options.sentSince ? Math.floor(options.sentSince.getTime() / 1000) * 1000 : null;
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(message).toBeVisible({ timeout: 1_000 });
    if (since === null) return;
    const queued = /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/.exec(await message.locator("summary").innerText())?.[1];
    expect(queued && Date.parse(`${queued.replace(" ", "T")}Z`), `a message to ${to} queued since ${options.sentSince!.toISOString()}`).toBeGreaterThanOrEqual(since);
  }).toPass({ timeout: 15_000 });
  await message.locator("summary").click();
  return message.getByTestId("mail-body").innerText();
}

/** The Panels cell of an installer's row; by CSS, since an open drawer hides the grid from roles. */
export function panelCountCell(page: Page, email: string) {
  return installerRow(page, email).locator("td").nth(3);
}
