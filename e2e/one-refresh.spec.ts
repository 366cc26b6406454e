import type { Page, Request } from "@playwright/test";
import { expect, installerRow, registerInstallerViaUi, searchInstallers, signIn, test } from "./support";

/**
 * One refresh per mutation: the action revalidates its page and Next sends the new page in the
 * action's own response. A second refresh (router.refresh() after the action) would be a GET of
 * the page's server components, and the page would render twice for one click.
 */
function watchRequests(page: Page) {
  const seen: { actions: number; refreshes: number } = { actions: 0, refreshes: 0 };
  const onRequest = (r: Request) => {
    const h = r.headers();
    if (r.method() === "POST" && h["next-action"]) seen.actions++;
    else if (r.method() === "GET" && h["rsc"] === "1" && !h["next-router-prefetch"]) seen.refreshes++;
  };
  page.on("request", onRequest);
  return { seen, stop: () => page.off("request", onRequest) };
}

test("an action from a row menu renders the page once", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  const email = await registerInstallerViaUi(page, "Rowan Render");
  await searchInstallers(page, email);
  await expect(installerRow(page, email)).toContainText("Pending");
  const watch = watchRequests(page);
  await page.getByRole("button", { name: "Actions for Rowan Render" }).click();
  await page.getByRole("menuitem", { name: "Accept" }).click();
  await expect(installerRow(page, email)).toContainText("Accepted");
  await page.waitForTimeout(1000); // a second refresh would start right after the action's response
  watch.stop();
  expect(watch.seen).toEqual({ actions: 1, refreshes: 0 });
});

test("a form's action renders the page once", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/installers");
  const watch = watchRequests(page);
  await page.getByRole("button", { name: "Register installer" }).click();
  const dialog = page.getByRole("dialog", { name: "Register installer" });
  await dialog.getByLabel("Name").fill("Sage Single");
  await dialog.getByLabel("Email").fill(`sage.single.${Date.now() % 100000}@e2e.test`);
  await dialog.getByLabel("Phone").fill("+1 555 3031");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sage Single is registered" })).toBeVisible();
  await page.waitForTimeout(1000);
  watch.stop();
  expect(watch.seen).toEqual({ actions: 1, refreshes: 0 });
});
