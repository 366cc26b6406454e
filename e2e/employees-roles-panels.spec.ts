import { expect, test, codeFromMailbox, e2eQuery, e2eRow, openRowButton, signIn, signOut } from "./support";

test.describe.configure({ mode: "serial" });

function employeeRow(page: import("@playwright/test").Page, text: string) {
  return page.locator("tr[data-row-id]").filter({ hasText: text });
}

test("seed 001: a Primary Contact cannot be deleted until Edit privilege makes them Install Technician", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Employees" }).click();
  await page.getByRole("button", { name: "Add employee" }).click();
  const add = page.getByRole("dialog", { name: "Add employee" });
  await add.getByLabel("Full name").fill("Pat Primary");
  await add.getByLabel("Email").fill("pat.primary@demo.test");
  await add.getByLabel("Phone").fill("+1 555 6060");
  await add.getByLabel("Country").selectOption("US");
  await add.getByLabel("Role").selectOption({ label: "Primary Contact" });
  await add.getByRole("button", { name: "Save" }).click();
  await expect(employeeRow(page, "pat.primary@demo.test")).toContainText("Primary Contact");

  await page.getByRole("button", { name: "Actions for Pat Primary" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted while holding the Primary Contact role" })).toContainText("Install Technician");
  await expect(employeeRow(page, "pat.primary@demo.test")).toBeVisible();

  await page.getByRole("button", { name: "Edit privilege for Pat Primary" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit privilege" });
  await dialog.getByLabel("Role").selectOption({ label: "Install Technician" });
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pat Primary now has the role Install Technician" })).toBeVisible();
  await expect(employeeRow(page, "pat.primary@demo.test")).toContainText("Install Technician");

  await page.getByRole("button", { name: "Actions for Pat Primary" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pat Primary is deleted" })).toBeVisible();
  await expect(employeeRow(page, "pat.primary@demo.test")).toHaveCount(0);
});

test("nobody is offered a change of their own role (the server refuses it too)", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/employees");
  await expect(page.getByRole("button", { name: "Edit privilege for Morgan Manager" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit privilege for Alex Admin" })).toHaveCount(0);
  await expect(employeeRow(page, "admin@demo.test")).toContainText("Organization Manager");
});

test("a custom role with only View installers: the employee sees the grid and no action", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/roles");
  await page.getByRole("button", { name: "Add role" }).click();
  const editor = page.getByRole("dialog", { name: "Add role" });
  await editor.getByLabel("Name").fill("Installer viewer");
  await editor.getByLabel("View installers").check();
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Role Installer viewer is created" })).toBeVisible();
  await expect(page.locator("tr[data-row-id]").filter({ hasText: "Installer viewer" })).toContainText("1");
  // Built-in roles cannot be deleted; their menu offers no Delete.
  await page.getByRole("button", { name: "Actions for role Install Technician" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Edit"]);
  await page.keyboard.press("Escape");

  await page.goto("/employees");
  await page.getByRole("button", { name: "Add employee" }).click();
  const add = page.getByRole("dialog", { name: "Add employee" });
  await add.getByLabel("Full name").fill("Vera Viewer");
  await add.getByLabel("Email").fill("vera.viewer@demo.test");
  await add.getByLabel("Phone").fill("+1 555 7070");
  await add.getByLabel("Country").selectOption("US");
  await add.getByLabel("Role").selectOption({ label: "Installer viewer" });
  await add.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vera Viewer is added" })).toBeVisible();
  await signOut(page);

  const code = await codeFromMailbox(page, "vera.viewer@demo.test", /Your account at/);
  await page.goto("/setup-password?email=vera.viewer%40demo.test");
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("New password", { exact: true }).fill("Vera-pass-2026");
  await page.getByLabel("Confirm password").fill("Vera-pass-2026");
  await page.getByRole("button", { name: "Set password" }).click();
  await signIn(page, "vera.viewer@demo.test", "Vera-pass-2026");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Overview", "Installers", "My jobs"]);
  await nav.getByRole("link", { name: "Installers" }).click();
  await expect(page.locator("tr[data-row-id]").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Register installer" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  expect((await page.goto("/employees"))?.status()).toBe(403);
});

test("group visibility: a technician sees only its groups' panels, in lists and by URL", async ({ page }) => {
  const south = (await e2eRow<{ id: string }>(
    `SELECT g."id" AS "id" FROM "PanelGroup" g JOIN "Organization" o ON o."id" = g."organizationId" WHERE g."name" = 'South region' AND o."name" = 'Northwind Security'`,
  ))!;
  const southPanel = (await e2eRow<{ imei: string }>(`SELECT "imei" FROM "Panel" WHERE "panelGroupId" = $1`, [south.id]))!;
  await signIn(page, "tech@demo.test");
  await page.goto("/panels?size=50");
  await expect(page.locator("tr[data-row-id]").first()).toBeVisible();
  const groups = new Set(await page.locator("tr[data-row-id] td:nth-child(3)").allInnerTexts());
  expect(groups).toEqual(new Set(["North region", "Residential"]));
  await page.getByRole("searchbox", { name: "Search panels" }).fill(southPanel.imei);
  await expect(page.getByText(`No panels start with “${southPanel.imei}”`)).toBeVisible();
  expect((await page.goto(`/panels/groups/${south.id}`))?.status()).toBe(404);
  await page.goto("/panels/groups");
  await expect(page.locator("tr[data-row-id]")).toHaveCount(2);
});

test("panels: add with validation, toggle installer app access, delete; groups: create, rename, delete only when empty", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/panels/groups");
  await page.getByRole("button", { name: "Add panel group" }).click();
  let dialog = page.getByRole("dialog", { name: "Add panel group" });
  await dialog.getByLabel("Name").fill("East region");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("tr[data-row-id]").filter({ hasText: "East region" })).toBeVisible();
  await page.getByRole("button", { name: "Actions for East region" }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  dialog = page.getByRole("dialog", { name: "Rename panel group" });
  await dialog.getByLabel("Name").fill("East coast");
  await dialog.getByRole("button", { name: "Save" }).click();
  await page.getByRole("link", { name: "East coast" }).click();
  await expect(page.getByRole("heading", { name: "East coast" })).toBeVisible();

  await page.getByRole("button", { name: "Add panel" }).click();
  dialog = page.getByRole("dialog", { name: "Add panel" });
  await dialog.getByLabel("IMEI").fill("490154203237519");
  await dialog.getByLabel("Account code").fill("ZZ");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("check digit is wrong")).toBeVisible();
  await expect(dialog.getByText("4 to 6 hexadecimal characters (0-9, A-F)")).toBeVisible();
  await dialog.getByLabel("IMEI").fill("490154203237518");
  await dialog.getByLabel("Account code").fill("e5e5");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Panel 490154203237518 is added" })).toBeVisible();
  const row = page.locator("tr[data-row-id]").filter({ hasText: "490154203237518" });
  await expect(row).toContainText("E5E5");
  await page.getByRole("button", { name: "Actions for panel 490154203237518" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const editPanel = page.getByRole("dialog", { name: "Edit panel" });
  await expect(editPanel.getByLabel("IMEI")).toHaveValue("490154203237518");
  await editPanel.getByLabel("Account code").fill("E5E6");
  await editPanel.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("E5E6");
  const toggle = row.getByRole("switch", { name: "Installer app access for 490154203237518" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");

  await page.goto("/panels/groups");
  await page.getByRole("button", { name: "Actions for East coast" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "still has 1 panel" })).toBeVisible();

  await page.goto("/panels?q=490154203237518");
  await page.getByRole("button", { name: "Actions for panel 490154203237518" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("No panels start with")).toBeVisible();
  await page.goto("/panels/groups");
  await page.getByRole("button", { name: "Actions for East coast" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.locator("tr[data-row-id]").filter({ hasText: "East coast" })).toHaveCount(0);
});

test("the installer drawer's group link opens the group's page", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/installers?q=isabella");
  await openRowButton(page, "Isabella Wilson").click();
  const link = page.getByRole("dialog").getByRole("list", { name: "Assigned panels" }).getByRole("link").first();
  const group = await link.innerText();
  await link.click();
  await expect(page.getByRole("heading", { name: group })).toBeVisible();
  await expect(page.getByText(`Panels in the group ${group}.`)).toBeVisible();
});

test("edit an employee, reset their password by email, and assign a panel in their drawer", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/employees?q=manager%40demo.test");
  await page.getByRole("button", { name: "Edit Morgan Manager" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Morgan Manager" });
  await expect(edit.getByLabel("Email")).toHaveAttribute("readonly", "");
  await edit.getByLabel("Phone").fill("not a phone");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText(/Enter a phone number using digits/)).toBeVisible();
  await edit.getByLabel("Phone").fill("+1 555 0199");
  await edit.getByLabel("Country").selectOption("CA");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(employeeRow(page, "manager@demo.test")).toContainText("Canada");
  await expect(employeeRow(page, "manager@demo.test")).toContainText("+1 555 0199");

  await page.getByRole("button", { name: "Actions for Morgan Manager" }).click();
  await page.getByRole("menuitem", { name: "Reset password" }).click();
  await page.getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "password reset code was sent to manager@demo.test" })).toBeVisible();

  await openRowButton(page, "Morgan Manager").click();
  const drawer = page.getByRole("dialog", { name: "Morgan Manager" });
  await drawer.getByRole("button", { name: "Assign panel" }).click();
  const assign = page.getByRole("dialog", { name: "Assign employee to panel" });
  await expect(assign.getByLabel("Email", { exact: true })).toHaveValue("manager@demo.test");
  const option = assign.getByLabel("Panel", { exact: true }).locator("option").nth(1);
  await expect(option).toBeAttached();
  const imei = (await option.innerText()).split(" · ")[0]!;
  await assign.getByLabel("Panel", { exact: true }).selectOption({ index: 1 });
  await assign.getByRole("button", { name: "Save" }).click();
  await expect(drawer.getByRole("list", { name: "Assigned panels" })).toContainText(imei);
  await drawer.getByRole("button", { name: `Unassign panel ${imei}` }).click();
  await page.getByRole("button", { name: "Yes, unassign" }).click();
  await expect(drawer).toContainText("No panels are assigned to this employee.");
});

test("edit a role with the whole-group toggle: the Installers group grants all nine permissions", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/roles");
  await page.getByRole("button", { name: "Add role" }).click();
  let editor = page.getByRole("dialog", { name: "Add role" });
  await editor.getByLabel("Name").fill("Installer desk");
  await editor.getByRole("button", { name: "Save" }).click();
  const row = page.locator("tr[data-row-id]").filter({ hasText: "Installer desk" });
  await expect(row.locator("td").nth(2)).toHaveText("0");
  await page.getByRole("button", { name: "Actions for role Installer desk" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  editor = page.getByRole("dialog", { name: "Edit role Installer desk" });
  await editor.getByRole("checkbox", { name: "All Installers permissions" }).check();
  await expect(editor.getByLabel("Convert installers to employees")).toBeChecked();
  await editor.getByRole("radio", { name: "Only these groups" }).check();
  await editor.getByLabel("North region").check();
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(row.locator("td").nth(2)).toHaveText("9");
  await expect(row.locator("td").nth(3)).toHaveText("1 chosen");
  await page.getByRole("button", { name: "Actions for role Installer desk" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(row).toHaveCount(0);
});

/**
 * An employee with a custom role (these permissions, one panel group), added straight to the
 * database with the demo password: the Add employee flow has its own test.
 */
async function employeeWithRole(key: string, fullName: string, permissions: string[]) {
  const run = `${key}-${Date.now() % 1_000_000}`;
  const admin = (await e2eRow<{ organizationId: string; passwordHash: string }>(`SELECT "organizationId", "passwordHash" FROM "User" WHERE "email" = $1`, ["admin@demo.test"]))!;
  const north = (await e2eRow<{ id: string }>(`SELECT "id" FROM "PanelGroup" WHERE "organizationId" = $1 AND "name" = $2`, [admin.organizationId, "North region"]))!;
  const now = new Date();
  const roleName = `Role ${run}`;
  await e2eQuery(`INSERT INTO "Role" ("id", "organizationId", "name", "allPanelGroups", "createdAt") VALUES ($1, $2, $3, FALSE, $4)`, [run, admin.organizationId, roleName, now]);
  for (const permission of permissions) await e2eQuery(`INSERT INTO "RolePermission" ("roleId", "permission") VALUES ($1, $2)`, [run, permission]);
  await e2eQuery(`INSERT INTO "RolePanelGroup" ("roleId", "panelGroupId") VALUES ($1, $2)`, [run, north.id]);
  const email = `${run}@demo.test`;
  await e2eQuery(`INSERT INTO "User" ("id", "organizationId", "email", "name", "kind", "passwordHash", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'EMPLOYEE', $5, $6, $7)`, [
    run,
    admin.organizationId,
    email,
    fullName,
    admin.passwordHash,
    now,
    now,
  ]);
  await e2eQuery(`INSERT INTO "Employee" ("id", "organizationId", "userId", "fullName", "email", "phone", "country", "roleId", "createdAt") VALUES ($1, $2, $3, $4, $5, '', 'US', $6, $7)`, [
    run,
    admin.organizationId,
    run,
    fullName,
    email,
    run,
    now,
  ]);
  return { email, roleName };
}

test("someone who manages roles views a role beyond their own without Edit or Delete, and still edits their own", async ({ page }) => {
  const { email, roleName } = await employeeWithRole("keeper", "Kim Keeper", ["roles.view", "roles.manage", "installers.view"]);
  await signIn(page, email);
  await page.goto("/roles");
  await page.getByRole("button", { name: "Actions for role Installer Manager" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["View"]);
  await page.getByRole("menuitem", { name: "View" }).click();
  const view = page.getByRole("dialog", { name: "Installer Manager" });
  await expect(view).toContainText("This role has permissions or panel groups beyond your own, so you can view it but not change it.");
  await expect(view.getByLabel("Accept installers")).toBeDisabled();
  await expect(view.getByRole("button", { name: "Save" })).toHaveCount(0);
  await view.getByRole("button", { name: "Close" }).last().click();

  await page.getByRole("button", { name: `Actions for role ${roleName}` }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Edit", "Delete"]);
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit role ${roleName}` });
  await edit.getByLabel("View installers").uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Role ${roleName} is saved` })).toBeVisible();
  await expect(page.locator("tr[data-row-id]").filter({ hasText: roleName }).locator("td").nth(2)).toHaveText("2");
});

test("someone who manages employees views those whose role is beyond their own, and changes the others", async ({ page }) => {
  const { email } = await employeeWithRole("staffer", "Sam Staffer", ["employees.view", "employees.edit", "employees.resetPassword", "employees.assignPanels"]);
  await signIn(page, email);
  await page.goto("/employees");
  // The Organization Manager: every permission, every panel group.
  const admin = employeeRow(page, "admin@demo.test");
  await expect(admin).toContainText("View only");
  await expect(admin.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(admin.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  await openRowButton(page, "Alex Admin").click();
  const drawer = page.getByRole("dialog", { name: "Alex Admin" });
  await expect(drawer).toContainText("Alex Admin's role has permissions or panel groups beyond your own, so you can view this employee but not change them.");
  await expect(drawer.getByRole("button", { name: "Assign panel" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  // Themselves (their role is within their own): Edit and Reset password are offered.
  const own = employeeRow(page, email);
  await expect(own).not.toContainText("View only");
  await own.getByRole("button", { name: "Edit Sam Staffer" }).click();
  const edit = page.getByRole("dialog", { name: /Edit/ });
  await edit.getByLabel("Phone").fill("+1 555 7171");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sam Staffer is saved" })).toBeVisible();
  await own.getByRole("button", { name: "Actions for Sam Staffer" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Reset password"]);
});

test("two admins edit one role at once: each save keeps the other's change (DESIGN rule 4, no lost update)", async ({ page, browser }) => {
  const name = `Shared desk ${Date.now() % 1_000_000}`;
  await signIn(page, "admin@demo.test");
  await page.goto("/roles");
  await page.getByRole("button", { name: "Add role" }).click();
  const add = page.getByRole("dialog", { name: "Add role" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("View installers", { exact: true }).check();
  await add.getByLabel("View panels", { exact: true }).check();
  await add.getByRole("button", { name: "Save" }).click();
  const row = page.locator("tr[data-row-id]").filter({ hasText: name });
  await expect(row.locator("td").nth(2)).toHaveText("2");

  // A second admin opens the same role before the first saves.
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, "contact@demo.test");
  await other.goto("/roles");
  const openEditor = async (p: typeof page) => {
    await p.getByRole("button", { name: `Actions for role ${name}` }).click();
    await p.getByRole("menuitem", { name: "Edit" }).click();
    return p.getByRole("dialog", { name: `Edit role ${name}` });
  };
  const mine = await openEditor(page);
  const theirs = await openEditor(other);
  await mine.getByLabel("Accept installers", { exact: true }).check();
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(mine).toBeHidden();
  // The second editor still shows the role as it opened, and takes View panels away.
  await expect(theirs.getByLabel("Accept installers", { exact: true })).not.toBeChecked();
  await theirs.getByLabel("View panels", { exact: true }).uncheck();
  await theirs.getByRole("button", { name: "Save" }).click();
  await expect(theirs).toBeHidden();
  await context.close();

  await page.reload();
  const view = await openEditor(page);
  await expect(view.getByLabel("View installers", { exact: true })).toBeChecked();
  await expect(view.getByLabel("Accept installers", { exact: true })).toBeChecked();
  await expect(view.getByLabel("View panels", { exact: true })).not.toBeChecked();
});

test("two admins edit one employee, and one customer, at once: each save keeps the other's change", async ({ page, browser }) => {
  const { email } = await employeeWithRole("edited", "Eve Edited", ["installers.view"]);
  const run = email.split("@")[0]!;
  await e2eQuery(`UPDATE "Employee" SET "phone" = '+1 555 0100' WHERE "id" = $1`, [run]);
  await signIn(page, "admin@demo.test");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, "contact@demo.test");

  // Both open Edit on the same employee; one changes the phone, the other the country.
  const openEdit = async (p: typeof page) => {
    await p.goto(`/employees?q=${encodeURIComponent(email)}`);
    await p.getByRole("button", { name: "Edit Eve Edited" }).click();
    return p.getByRole("dialog", { name: "Edit Eve Edited" });
  };
  const mine = await openEdit(page);
  const theirs = await openEdit(other);
  await mine.getByLabel("Phone").fill("+1 555 0142");
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(mine).toBeHidden();
  await theirs.getByLabel("Country").selectOption("CA");
  await theirs.getByRole("button", { name: "Save" }).click();
  await expect(theirs).toBeHidden();
  await page.reload();
  await expect(employeeRow(page, email)).toContainText("+1 555 0142");
  await expect(employeeRow(page, email)).toContainText("Canada");

  // The same for a customer: one renames it, the other changes its account number.
  const accountNumber = `E-${run.slice(-6)}`;
  await page.goto("/customers");
  await page.getByRole("button", { name: "Add customer" }).click();
  const add = page.getByRole("dialog", { name: "Add customer" });
  await add.getByLabel("Name").fill("Edited Co");
  await add.getByLabel("Account number").fill(accountNumber);
  await add.getByRole("button", { name: "Save" }).click();
  await expect(add).toBeHidden();
  const openCustomer = async (p: typeof page) => {
    await p.goto(`/customers?q=${accountNumber}`);
    await p.getByRole("button", { name: "Actions for Edited Co" }).click();
    await p.getByRole("menuitem", { name: "Edit" }).click();
    return p.getByRole("dialog", { name: "Edit Edited Co" });
  };
  const myCustomer = await openCustomer(page);
  const theirCustomer = await openCustomer(other);
  await myCustomer.getByLabel("Name").fill("Edited Co Ltd");
  await myCustomer.getByRole("button", { name: "Save" }).click();
  await expect(myCustomer).toBeHidden();
  await theirCustomer.getByLabel("Account number").fill(`${accountNumber}-2`);
  await theirCustomer.getByRole("button", { name: "Save" }).click();
  await expect(theirCustomer).toBeHidden();
  await context.close();
  await page.goto(`/customers?q=${accountNumber}-2`);
  await expect(page.locator("tr[data-row-id]")).toHaveCount(1);
  await expect(page.locator("tr[data-row-id]")).toContainText("Edited Co Ltd");
});
