import {
  expect,
  test,
  codeFromMailbox,
  e2eQuery,
  e2eRow,
  installerRow,
  mailFromMailbox,
  panelCountCell,
  openRowButton,
  registerInstallerViaUi,
  rowMenu,
  searchInstallers,
  signIn,
  signOut,
} from "./support";

test.describe.configure({ mode: "serial" });

test("page sizes, navigation and sorting live in the URL", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await page.goto("/installers");
  const total = Number((await page.getByTestId("installer-count").innerText()).split(" ")[0]);
  await expect(page.getByTestId("range-indicator")).toHaveText(`1-15 of ${total}`);
  await page.getByLabel("Installers per page").selectOption("10");
  await expect(page).toHaveURL(/size=10/);
  await expect(page.getByTestId("range-indicator")).toHaveText(`1-10 of ${total}`);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("range-indicator")).toHaveText(`11-20 of ${total}`);
  await page.reload();
  await expect(page.getByTestId("range-indicator")).toHaveText(`11-20 of ${total}`);
  // The arrows and the sortable headers navigate inside the app: a value set on the window survives.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByTestId("range-indicator")).toHaveText(`1-10 of ${total}`);
  await page.getByRole("link", { name: /^Name & email/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc|dir=asc.*sort=name/);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  const names = await page.locator("tbody tr[data-row-id] td:nth-child(2) button > span:first-child").allInnerTexts();
  expect(names.length).toBe(10);
  expect(names).toEqual([...names].sort());
  await page.getByLabel("Installers per page").selectOption("50");
  await expect(page.getByTestId("range-indicator")).toHaveText(`1-${Math.min(50, total)} of ${total}`);
});

test("the grid works from the keyboard: selection keeps focus, the row menu opens and gives focus back", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/installers?size=15&sort=name&dir=asc");
  const first = page.locator("tbody tr[data-row-id]").first();
  const name = await first.locator("td:nth-child(2) button > span:first-child").innerText();
  const box = page.getByRole("checkbox", { name: `Select ${name}` });
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  await expect(box).toBeFocused();
  await expect(page.getByRole("group", { name: "Bulk actions" })).toContainText("1 selected");
  await expect(first).toHaveAttribute("data-selected", "");
  await page.keyboard.press("Space");
  await expect(box).not.toBeChecked();
  await expect(page.getByRole("group", { name: "Bulk actions" })).toHaveCount(0);

  const menuButton = page.getByRole("button", { name: `Actions for ${name}` });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Actions for ${name}` })).toBeFocused();

  await openRowButton(page, name).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name })).toBeVisible();
});

test("register an installer: code in the mailbox, the installer registers, signs in and becomes Accepted", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/installers");
  await expect(page.getByText("Email delivery is not configured")).toBeVisible();
  const email = await registerInstallerViaUi(page, "Riley Register");
  await expect(page.getByRole("status").filter({ hasText: "code is queued" })).toBeVisible();
  await searchInstallers(page, email);
  await expect(installerRow(page, email)).toContainText("Pending");
  await signOut(page);

  const code = await codeFromMailbox(page, email, /registration code/);
  await page.goto(`/installer/register?email=${encodeURIComponent(email)}`);
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("New password", { exact: true }).fill("Installer-pass-9");
  await page.getByLabel("Confirm password").fill("Installer-pass-9");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("Registration is complete")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password").fill("Installer-pass-9");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Hello, Riley Register" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/installer\/login/);

  await signIn(page, "admin@demo.test");
  await page.goto(`/installers?q=${encodeURIComponent(email)}`);
  await expect(installerRow(page, email)).toContainText("Accepted");
});

test("register installer shows field errors, refuses a duplicate email and Cancel saves nothing", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/installers");
  await page.getByRole("button", { name: "Register installer" }).click();
  const dialog = page.getByRole("dialog", { name: "Register installer" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Enter the name.")).toBeVisible();
  await dialog.getByLabel("Name").fill("Dana Duplicate");
  await dialog.getByLabel("Email").fill("not an email");
  await dialog.getByLabel("Phone").fill("123456789012345678901");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/Enter a valid email address/)).toBeVisible();
  await expect(dialog.getByText("Phone must contain less than 20 characters.")).toBeVisible();
  await dialog.getByLabel("Email").fill("LIAM.SMITH@installers.test");
  await dialog.getByLabel("Phone").fill("+1 555 0000");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/An account with this email already exists/).first()).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await searchInstallers(page, "Dana Duplicate");
  await expect(page.getByText("No installers match")).toBeVisible();
});

test("accept and reject from the row menu; the menu offers what the status allows", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  const email = await registerInstallerViaUi(page, "Avery Access");
  await searchInstallers(page, email);
  await page.getByRole("button", { name: "Actions for Avery Access" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Accept", "Convert to employee", "Reset password", "Remove"]);
  await page.getByRole("menuitem", { name: "Accept" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 accepted" })).toBeVisible();
  await expect(installerRow(page, email)).toContainText("Accepted");
  await page.getByRole("button", { name: "Actions for Avery Access" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Reject", "Convert to employee", "Reset password", "Remove"]);
  await page.getByRole("menuitem", { name: "Reject" }).click();
  await expect(installerRow(page, email)).toContainText("Rejected");
  await rowMenu(page, "Avery Access", "Accept");
  await expect(installerRow(page, email)).toContainText("Accepted");
});

test("bulk actions appear for the selected statuses and report what was skipped", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  const a = await registerInstallerViaUi(page, "Bulk One");
  const b = await registerInstallerViaUi(page, "Bulk Two");
  await searchInstallers(page, "Bulk");
  await expect(page.getByRole("group", { name: "Bulk actions" })).toHaveCount(0);
  await installerRow(page, a).getByRole("checkbox").check();
  const bulk = page.getByRole("group", { name: "Bulk actions" });
  await expect(bulk.getByRole("button")).toHaveText(["Accept", "Remove"]);
  await bulk.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 accepted" })).toBeVisible();
  await expect(installerRow(page, a)).toContainText("Accepted");
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await expect(bulk.getByRole("button")).toHaveText(["Accept", "Reject", "Remove"]);
  await bulk.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 accepted, 1 skipped: already accepted" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await bulk.getByRole("button", { name: "Reject" }).click();
  await expect(installerRow(page, a)).toContainText("Rejected");
  await expect(installerRow(page, b)).toContainText("Rejected");
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await bulk.getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove installer" });
  await expect(dialog).toContainText("Are you sure you want to permanently remove these 2 installers? This action cannot be undone.");
  await dialog.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 removed" })).toBeVisible();
  await expect(page.getByText("No installers match")).toBeVisible();
});

test("remove an installer from the row menu after confirmation; Cancel keeps it", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  const email = await registerInstallerViaUi(page, "Rory Remove");
  await page.goto("/installers");
  const before = await page.getByTestId("installer-count").innerText();
  await searchInstallers(page, email);
  await rowMenu(page, "Rory Remove", "Remove");
  const dialog = page.getByRole("dialog", { name: "Remove installer" });
  await expect(dialog).toContainText("Are you sure you want to permanently remove this installer? This action cannot be undone.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(installerRow(page, email)).toBeVisible();
  await rowMenu(page, "Rory Remove", "Remove");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 removed" })).toBeVisible();
  await expect(installerRow(page, email)).toHaveCount(0);
  await expect(page.getByTestId("installer-count")).toHaveText(`${Number(before.split(" ")[0]) - 1} installers`);
  const audit = await e2eRow<{ actorEmail: string; targetLabel: string }>(
    `SELECT "actorEmail", "targetLabel" FROM "AuditEvent" WHERE "action" = 'installers.remove' ORDER BY "createdAt" DESC LIMIT 1`,
  );
  expect(audit).toEqual({ actorEmail: "admin@demo.test", targetLabel: `Rory Remove <${email}>` });
});

test("reset password end to end: the installer gets a code and chooses a new password", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/installers?q=liam.smith");
  await rowMenu(page, "Liam Smith", "Reset password");
  const dialog = page.getByRole("dialog", { name: "Reset password" });
  await expect(dialog).toContainText("Are you sure you want to reset password for this installer?");
  await dialog.getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "password reset code was sent to liam.smith@installers.test" })).toBeVisible();
  await signOut(page);
  const body = await mailFromMailbox(page, "liam.smith@installers.test", /password reset code/);
  const code = /\b(\d{8})\b/.exec(body)![1]!;
  expect(body).toContain("/installer/reset-password");
  await page.goto("/installer/reset-password?email=liam.smith%40installers.test");
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("New password", { exact: true }).fill("Liam-new-pass-1");
  await page.getByLabel("Confirm password").fill("Liam-new-pass-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill("liam.smith@installers.test");
  await page.getByLabel("Password").fill("Liam-new-pass-1");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Hello, Liam Smith" })).toBeVisible();
});

test("assign and unassign panels in the installer details drawer; counts update", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  const email = await registerInstallerViaUi(page, "Pat Panels");
  await searchInstallers(page, email);
  await expect(panelCountCell(page, email)).toHaveText("0");
  await openRowButton(page, "Pat Panels").click();
  const drawer = page.getByRole("dialog", { name: "Pat Panels" });
  await expect(drawer).toContainText(email);
  await expect(drawer).toContainText("Pending");
  await expect(drawer).toContainText("No panels are assigned to this installer.");
  await drawer.getByRole("button", { name: "Assign panel" }).click();
  const assign = page.getByRole("dialog", { name: "Assign installer to panel" });
  await expect(assign.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(assign.getByRole("button", { name: "Save" })).toBeDisabled();
  const panel = assign.getByLabel("Panel", { exact: true });
  await expect(panel.locator("option").nth(1)).toBeAttached();
  const label = await panel.locator("option").nth(1).innerText();
  const imei = label.split(" · ")[0]!;
  await panel.selectOption({ index: 1 });
  await assign.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Panel ${imei} is assigned to Pat Panels` })).toBeVisible();
  await expect(drawer.getByRole("list", { name: "Assigned panels" })).toContainText(imei);
  await expect(drawer.getByRole("link", { name: label.split(" · ")[2] })).toHaveAttribute("href", /\/panels\/groups\//);
  await expect(panelCountCell(page, email)).toHaveText("1");
  await drawer.getByRole("button", { name: `Unassign panel ${imei}` }).click();
  const confirm = page.getByRole("dialog", { name: "Unassign panel" });
  await expect(confirm).toContainText("Do you want to unassign this panel from the installer?");
  await confirm.getByRole("button", { name: "Yes, unassign" }).click();
  await expect(drawer).toContainText("No panels are assigned to this installer.");
  await expect(panelCountCell(page, email)).toHaveText("0");
  await drawer.getByRole("button", { name: "Resend registration code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new registration code was sent" })).toBeVisible();
});

test("convert to employee: required fields, then the installer leaves the grid", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  const email = await registerInstallerViaUi(page, "Casey Convert");
  await searchInstallers(page, email);
  await rowMenu(page, "Casey Convert", "Convert to employee");
  const dialog = page.getByRole("dialog", { name: "Installer conversion" });
  await expect(dialog).toContainText("panels may be unassigned if they belong to a group that is not visible");
  await expect(dialog.getByLabel("Full name")).toHaveValue("Casey Convert");
  await expect(dialog.getByLabel("Email address")).toHaveValue(email);
  await expect(dialog.getByLabel("Email address")).toHaveAttribute("readonly", "");
  await expect(dialog.getByLabel("Phone")).toHaveValue("+1 555 3030");
  // The roles load as the form opens: the admin's own roles, Install Technician among them.
  await expect(dialog.getByLabel("Role").locator("option", { hasText: "Install Technician" })).toHaveCount(1);
  await expect(dialog.getByText("Loading roles…")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Convert" }).click();
  await expect(dialog.getByText("Select a country.")).toBeVisible();
  await expect(dialog.getByText("Select a role.")).toBeVisible();
  await dialog.getByLabel("Full name").fill("Casey Converted");
  await dialog.getByLabel("Country").selectOption("CA");
  await dialog.getByLabel("Role").selectOption({ label: "Install Technician" });
  await dialog.getByRole("button", { name: "Convert" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Casey Converted is now an employee with the role Install Technician" })).toBeVisible();
  await expect(installerRow(page, email)).toHaveCount(0);
  // The converted account is available on the Employees page.
  await page.goto(`/employees?q=${encodeURIComponent(email)}`);
  const row = page.locator("tr[data-row-id]").filter({ hasText: email });
  await expect(row).toContainText("Casey Converted");
  await expect(row).toContainText("Install Technician");
  await expect(row).toContainText("Canada");
});

test("a technician sees the grid and panels but no action it is not allowed", async ({ page }) => {
  await signIn(page, "tech@demo.test");
  await page.goto("/installers");
  await expect(page.getByRole("heading", { name: "Installers" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register installer" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  // The first row's only button is the one that opens it: no checkbox, no actions menu.
  await expect(page.locator("tr[data-row-id]").first().getByRole("button")).toHaveCount(1);
  await page.locator("tr[data-row-id]").first().getByRole("button").click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("heading", { name: /^Panels/ })).toBeVisible();
  await expect(drawer.getByRole("button", { name: "Assign panel" })).toHaveCount(0);
});

test("a page of 200 installers is written in several bodies, and every row works: select, menu, open", async ({ page }) => {
  // 200 installers newer than any other, so they fill the first page of the default order (newest first).
  const [org] = await e2eQuery<{ organizationId: string }>(`SELECT "organizationId" FROM "User" WHERE "email" = $1`, ["admin@demo.test"]);
  const ids = Array.from({ length: 200 }, (_, i) => `e2e-grid-${String(i).padStart(3, "0")}`);
  const future = Date.now() + 365 * 24 * 3600_000;
  try {
    for (const [i, id] of ids.entries()) {
      const email = `${id}@grid.test`;
      const createdAt = new Date(future - i * 60_000);
      // Each parameter once, in order: e2eQuery turns $n into SQLite's positional ?.
      await e2eQuery(`INSERT INTO "User" ("id", "organizationId", "email", "name", "kind", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'INSTALLER', $5, $6)`, [
        id,
        org!.organizationId,
        email,
        `Grid Row ${i}`,
        createdAt,
        createdAt,
      ]);
      await e2eQuery(`INSERT INTO "Installer" ("id", "organizationId", "userId", "name", "email", "phone", "status", "createdAt") VALUES ($1, $2, $3, $4, $5, '+1 555 0100', 'ACCEPTED', $6)`, [
        id,
        org!.organizationId,
        id,
        `Grid Row ${i}`,
        email,
        createdAt,
      ]);
    }
    await e2eQuery(`UPDATE "Organization" SET "installerCount" = "installerCount" + 200 WHERE "id" = $1`, [org!.organizationId]);

    await signIn(page, "admin@demo.test");
    await page.goto("/installers?size=200");
    await expect(page.locator("tbody tr[data-row-id]")).toHaveCount(200);
    expect(await page.locator("table.data-grid > tbody").count()).toBeGreaterThan(1);
    const rows = await page.locator("tbody tr[data-row-id]").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.rowId));
    expect(rows).toEqual(ids);

    // The last row sits in the last body.
    const last = page.locator("table.data-grid > tbody").last().locator("tr[data-row-id]").last();
    await expect(last).toHaveAttribute("data-row-id", "e2e-grid-199");
    await page.getByRole("checkbox", { name: "Select Grid Row 199" }).check();
    await page.getByRole("checkbox", { name: "Select Grid Row 0" }).check();
    await expect(page.getByRole("group", { name: "Bulk actions" })).toContainText("2 selected");
    await expect(last).toHaveAttribute("data-selected", "");
    await page.getByRole("checkbox", { name: "Select Grid Row 199" }).uncheck();
    await expect(page.getByRole("group", { name: "Bulk actions" })).toContainText("1 selected");
    await expect(last).not.toHaveAttribute("data-selected", "");

    await page.getByRole("button", { name: "Actions for Grid Row 199" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expect(page.getByRole("menuitem").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Actions for Grid Row 199" })).toBeFocused();

    await last.locator("td").nth(3).click();
    await expect(page).toHaveURL(/installer=e2e-grid-199/);
    await expect(page.getByRole("dialog", { name: "Grid Row 199" })).toBeVisible();
  } finally {
    await e2eQuery(`DELETE FROM "Installer" WHERE "id" LIKE 'e2e-grid-%'`);
    await e2eQuery(`DELETE FROM "User" WHERE "id" LIKE 'e2e-grid-%'`);
    await e2eQuery(`UPDATE "Organization" SET "installerCount" = (SELECT COUNT(*) FROM "Installer" i WHERE i."organizationId" = "Organization"."id") WHERE "id" = $1`, [org!.organizationId]);
  }
});
