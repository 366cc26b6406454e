import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "DemoPass-2026";

/** The e2e database, read directly to find rows and codes (never to change them). */
export function e2eDb() {
  const url = process.env.E2E_DATABASE_URL || "file:./.data/e2e.db";
  return new Database(url.replace(/^file:/, ""), { readonly: true });
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Reads the newest code sent to this address from the dev mailbox page, as a newcomer would. */
export async function codeFromMailbox(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto("/dev/mailbox");
  const message = page.getByTestId("mail-message").filter({ hasText: to }).filter({ hasText: subject }).first();
  await message.locator("summary").click();
  const body = await message.getByTestId("mail-body").innerText();
  const code = /\b(\d{8})\b/.exec(body)?.[1];
  expect(code, `a code in the mail to ${to}`).toBeTruthy();
  return code!;
}
