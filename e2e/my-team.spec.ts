// My Team and the customers' invitations through the real UI (issue 11, seed 001). Owner2
// (Maple Main and Maple Annex) manages; the people added here are new, so other specs' data stays.
import type { Page } from "@playwright/test";
import { customerSignIn, e2eQuery, e2eRow, expect, mailFromMailbox, signIn, test } from "./support";

async function customerSignOut(page: Page) {
  await page.goto("/app");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/app\/login/);
}

function card(page: Page, name: string) {
  return page.getByTestId("team-card").filter({ hasText: name });
}

async function cardMenu(page: Page, name: string, item: string) {
  await page.getByRole("button", { name: `More options for ${name}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

function linkIn(body: string, path: RegExp): string {
  const match = body.match(new RegExp(`https?://\\S+${path.source}\\S*`));
  if (!match) throw new Error(`no link ${path} in ${body}`);
  return match[0];
}

test("add user → mobile invitation with SMS code → activation → Mobile credential; a new invitation replaces the old link; web invitation → set password → sign in; forgot password; send myself a mobile invitation", async ({
  page,
}) => {
  // Names, address and phone of this run's own, so that a retry in CI starts afresh.
  const run = Date.now() % 1_000_000;
  const ending = String(10 + (run % 90));
  const zoe = {
    lastName: `Phone${run}`,
    name: `Zoe Phone${run}`,
    email: `zoe.phone.${run}@customers.test`,
    phoneTyped: `(415) 555-01${ending}`,
    phoneShown: `+1 415 555 01${ending}`,
    phoneE164: `+141555501${ending}`,
    phoneEnding: ending,
  };
  await customerSignIn(page, "owner2@customers.test");
  await page.getByRole("link", { name: "My Team" }).click();
  await page.getByRole("button", { name: "+ ADD USER" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("First name").fill("Zoe");
  await dialog.getByLabel("Last name").fill(zoe.lastName);
  await dialog.getByLabel("Email").fill(zoe.email);
  await dialog.getByLabel("Mobile phone").fill("12");
  await dialog.getByLabel("Site role at Maple Main").selectOption("SITE_MEMBER");
  await dialog.getByLabel("Site role at Maple Annex").selectOption("SITE_MANAGER");
  await dialog.getByLabel("Mobile App User").uncheck();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("A Site Manager must be a mobile app user.")).toBeVisible();
  await dialog.getByLabel("Mobile App User").check();
  await dialog.getByLabel("Site role at Maple Annex").selectOption("SITE_MEMBER");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/valid mobile phone number/)).toBeVisible();
  await dialog.getByLabel("Mobile phone").fill(zoe.phoneTyped);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, zoe.name).getByTestId("invitation-state")).toContainText("Invited (mobile)");
  await expect(card(page, zoe.name)).toContainText(zoe.phoneShown);
  await expect(card(page, zoe.name)).toContainText("Maple Annex: Site Member");

  // The first invitation is always mobile: a web one is not offered before it... Zoe has one now, so it is.
  const firstLink = linkIn(await mailFromMailbox(page, zoe.email, /invites you to the mobile app/), /\/app\/activate\//);
  await page.goto("/app/team");
  await cardMenu(page, zoe.name, "Invite");
  const invitation = page.getByRole("dialog", { name: "Invitation" });
  await expect(invitation.getByLabel("Use a web browser")).toBeEnabled();
  await invitation.getByLabel("Use a mobile device").check();
  await expect(invitation.getByLabel("Require SMS verification")).toBeChecked();
  await invitation.getByRole("button", { name: "SEND" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We emailed ${zoe.name} a mobile invitation.` })).toBeVisible();

  await page.goto(firstLink);
  await expect(page.getByRole("heading", { name: "This invitation is not valid" })).toBeVisible();
  const secondLink = linkIn(await mailFromMailbox(page, zoe.email, /invites you to the mobile app/), /\/app\/activate\//);
  expect(secondLink).not.toBe(firstLink);

  // On the phone: the activation page, the texted code, a wrong code, the right one.
  await page.goto(secondLink);
  await expect(page.getByRole("heading", { name: "Activate the mobile app" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download on the App Store" })).toBeVisible();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText(`We texted a code to your mobile phone ending in ${zoe.phoneEnding}.`)).toBeVisible();
  await page.getByRole("button", { name: "Send a new code" }).click();
  await expect(page.getByText(/A code was just sent\. You can ask for a new one in \d+ seconds/)).toBeVisible();
  const sms = await mailFromMailbox(page, zoe.phoneE164, /Text message/);
  const code = sms.match(/\b(\d{6})\b/)![1]!;
  await page.goto(secondLink);
  await page.getByLabel("Verification code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("alert").first()).toContainText("The code is invalid or has expired");
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("heading", { name: "Your mobile app is activated" })).toBeVisible();

  // The manager sees the Mobile credential and Zoe is Active.
  await page.goto("/app/team");
  await expect(card(page, zoe.name).getByTestId("invitation-state")).toContainText("Active");
  await card(page, zoe.name).getByRole("link", { name: "Credentials" }).click();
  await expect(page.getByRole("region", { name: "Maple Main" }).getByTestId("person-credential").filter({ hasText: "Mobile credential" })).toContainText("Active");

  // Web invitation → set password → sign in.
  await page.goto("/app/team");
  await cardMenu(page, zoe.name, "Invite");
  await page.getByRole("dialog", { name: "Invitation" }).getByLabel("Use a web browser").check();
  await page.getByRole("dialog", { name: "Invitation" }).getByRole("button", { name: "SEND" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We emailed ${zoe.name} a web invitation.` })).toBeVisible();
  await expect(card(page, zoe.name).getByTestId("invitation-state")).toContainText("Invited (web)");
  const webLink = linkIn(await mailFromMailbox(page, zoe.email, /invites you to the web app/), /\/app\/link\?/);
  await customerSignOut(page);
  await page.goto(webLink);
  await expect(page.getByRole("heading", { name: "Create your password" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("Zoe's own passphrase 1");
  await page.getByLabel("Confirm new password").fill("Zoe's own passphrase 1");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is set." })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Hello, ${zoe.name}` })).toBeVisible();
  // The link worked once.
  await customerSignOut(page);
  await page.goto(webLink);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await customerSignIn(page, zoe.email, "Zoe's own passphrase 1");

  // Forgot your password → sign in with the new one → send myself a mobile invitation.
  await customerSignOut(page);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(zoe.email);
  const asked = new Date();
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page.getByRole("status")).toContainText("we sent it a link");
  const resetLink = linkIn(await mailFromMailbox(page, zoe.email, /Set a new password/, { sentSince: asked }), /\/app\/link\?/);
  await page.goto(resetLink);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("New password", { exact: true }).fill("Zoe's newer passphrase 2");
  await page.getByLabel("Confirm new password").fill("Zoe's newer passphrase 2");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${zoe.name}` })).toBeVisible();
  await customerSignOut(page);
  await customerSignIn(page, zoe.email, "Zoe's newer passphrase 2");
  await page.getByRole("button", { name: "Send me a mobile invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We emailed a new mobile invitation to ${zoe.email}` })).toBeVisible();
  const selfLink = linkIn(await mailFromMailbox(page, zoe.email, /invites you to the mobile app/), /\/app\/activate\//);
  expect(selfLink).not.toBe(secondLink);
  await page.goto(selfLink);
  await expect(page.getByRole("heading", { name: "Activate the mobile app" })).toBeVisible();
});

test("the first invitation is mobile; an expired invitation is sent again; user codes To View and To Send", async ({ page }) => {
  await customerSignIn(page, "owner1@customers.test");
  await page.goto("/app/team");
  // William has a password from the dealer but never received a mobile invitation.
  await cardMenu(page, "William Anderson", "Invite");
  const invitation = page.getByRole("dialog", { name: "Invitation" });
  await expect(invitation.getByLabel("Use a web browser")).toBeDisabled();
  await expect(invitation).toContainText("the first invitation is always a mobile invitation");
  await invitation.getByRole("button", { name: "Cancel" }).click();

  await expect(card(page, "Emma Expired").getByTestId("invitation-state")).toContainText("Expired");
  await cardMenu(page, "Emma Expired", "Invite");
  await page.getByRole("dialog", { name: "Invitation" }).getByRole("button", { name: "SEND" }).click();
  await expect(card(page, "Emma Expired").getByTestId("invitation-state")).toContainText("Invited (mobile)");

  await card(page, "Amelia Martin").getByRole("link", { name: "Credentials" }).click();
  const main = page.getByRole("region", { name: "Harbor Main" });
  await main.getByRole("button", { name: "To View" }).click();
  const shown = page.getByRole("dialog", { name: "User code" });
  await expect(shown.getByTestId("user-code")).toHaveText(/^\d{6}$/);
  await shown.getByRole("button", { name: "Done" }).click();
  await main.getByRole("button", { name: "To Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new user code was texted to Amelia Martin." })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "User code" })).toHaveCount(0);
  const codes = main.getByTestId("person-credential").filter({ hasText: "User code" }).filter({ hasText: "Active" });
  // The list shows the texted code once the page has refreshed, which can come after the notice.
  await expect.poll(() => codes.count()).toBeGreaterThanOrEqual(2);
  const before = await codes.count();
  expect(await mailFromMailbox(page, "+14155550102", /Text message/)).toMatch(/Your user code for Harbor Main is \d{6}/);
  await page.goBack();
  await page.reload();
  await codes.first().getByRole("button", { name: "Delete code" }).click();
  await page.getByRole("dialog", { name: "Delete user code" }).getByRole("button", { name: "Delete" }).click();
  await expect(codes).toHaveCount(before - 1);
});

test("Delete removes access at the deleting manager's sites only; the key account holder cannot be deleted", async ({ page }) => {
  await customerSignIn(page, "owner3@customers.test");
  await page.goto("/app/team");
  const admin = page.getByTestId("team-card").filter({ hasText: "Summit Main: Site Admin" }).first();
  const adminName = (await admin.locator("p.font-medium").innerText()).trim();
  const adminEmail = (await admin.locator("p.truncate").innerText()).trim();
  // Owner3 adds Yuri to both sites, and makes the Site Admin Site Manager of Summit Annex only.
  await page.getByRole("button", { name: "+ ADD USER" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("First name").fill("Yuri");
  await dialog.getByLabel("Last name").fill("Twosites");
  await dialog.getByLabel("Email").fill("yuri.twosites@customers.test");
  await dialog.getByLabel("Mobile phone").fill("+1 415 555 0164");
  await dialog.getByLabel("Site role at Summit Main").selectOption("SITE_MEMBER");
  await dialog.getByLabel("Site role at Summit Annex").selectOption("SITE_MEMBER");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await cardMenu(page, adminName, "Privileges");
  const privileges = page.getByRole("dialog", { name: "Privileges" });
  await privileges.getByLabel("Site role at Summit Annex").selectOption("SITE_MANAGER");
  await privileges.getByRole("button", { name: "Save" }).click();
  await expect(privileges).toBeHidden();
  await expect(card(page, adminName)).toContainText("Summit Annex: Site Manager");
  await customerSignOut(page);

  await customerSignIn(page, adminEmail);
  await page.goto("/app/team");
  await cardMenu(page, "Yuri Twosites", "Delete");
  const confirm = page.getByRole("dialog", { name: "Delete User" });
  await expect(confirm).toContainText("Yuri Twosites loses access to Summit Annex");
  await expect(confirm).not.toContainText("Summit Main");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(card(page, "Yuri Twosites")).toHaveCount(0);
  // The key account holder (owner3) cannot be deleted, only edited.
  await cardMenu(page, "Sophia Lopez", "Delete");
  await expect(page.getByRole("dialog", { name: "Delete User" })).toContainText("The key account holder cannot be deleted, only edited.");
  await page.getByRole("dialog", { name: "Delete User" }).getByRole("button", { name: "OK" }).click();
  await customerSignOut(page);

  await customerSignIn(page, "owner3@customers.test");
  await page.goto("/app/team");
  await expect(card(page, "Yuri Twosites")).toContainText("Summit Main: Site Member");
  await expect(card(page, "Yuri Twosites")).not.toContainText("Summit Annex");
});

test("Installer Mode on for 2 hours lets the console edit the site; once the time is up it is read-only again", async ({ page, browser }) => {
  await customerSignIn(page, "owner2@customers.test");
  await page.getByRole("link", { name: "Maple Main" }).click();
  await page.getByLabel("2 hours").check();
  await page.getByRole("button", { name: "Turn on Installer Mode" }).click();
  await expect(page.getByTestId("installer-mode-state")).toContainText("Installer Mode is on until");

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, "manager@demo.test");
  const site = (await e2eRow<{ id: string }>(`SELECT "id" FROM "Site" WHERE "name" = 'Maple Main'`))!;
  await admin.goto(`/sites/${site.id}`);
  await expect(admin.getByRole("heading", { name: "Maple Main" })).toBeVisible();
  await expect(admin.getByText("read-only in the console until the customer turns Installer Mode on")).toHaveCount(0);
  // Two hours pass: the stored end time moves into the past (the server's clock cannot be moved).
  await e2eQuery(`UPDATE "Site" SET "installerModeUntil" = $1 WHERE "name" = 'Maple Main'`, [new Date(Date.now() - 60_000)]);
  await admin.reload();
  await expect(admin.getByText("read-only in the console until the customer turns Installer Mode on")).toBeVisible();
  await context.close();
  await page.reload();
  await expect(page.getByTestId("installer-mode-state")).toContainText("Installer Mode is off");
});

test("Edit keeps the email and mobile phone of someone who also has access at sites the manager does not manage; their name it changes", async ({ page }) => {
  // Sam Sitecontact manages Maple Main only for this test; Owner2 manages Maple Main and Maple Annex.
  const sam = (await e2eRow<{ id: string }>(`SELECT "id" FROM "Contact" WHERE "email" = 'sitecontact@customers.test'`))!;
  const owner = (await e2eRow<{ id: string; name: string }>(`SELECT "id", "name" FROM "Contact" WHERE "email" = 'owner2@customers.test'`))!;
  await e2eQuery(`UPDATE "SiteContact" SET "role" = 'SITE_MANAGER' WHERE "contactId" = $1`, [sam.id]);
  try {
    await customerSignIn(page, "sitecontact@customers.test");
    await page.getByRole("link", { name: "My Team" }).click();
    await cardMenu(page, owner.name, "Edit");
    const dialog = page.getByRole("dialog", { name: "Edit user" });
    await expect(dialog.getByText(`${owner.name} also has access at sites you do not manage`)).toBeVisible();
    await expect(dialog.getByLabel("Email")).not.toBeEditable();
    await expect(dialog.getByLabel("Mobile phone")).not.toBeEditable();
    await dialog.getByLabel("Last name").fill(`${owner.name.split(" ").slice(1).join(" ")} Jr`);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `${owner.name} Jr is saved.` })).toBeVisible();
    const saved = (await e2eRow<{ name: string; email: string }>(`SELECT "name", "email" FROM "Contact" WHERE "id" = $1`, [owner.id]))!;
    expect(saved).toEqual({ name: `${owner.name} Jr`, email: "owner2@customers.test" });
  } finally {
    await e2eQuery(`UPDATE "SiteContact" SET "role" = 'SITE_MEMBER' WHERE "contactId" = $1`, [sam.id]);
    await e2eQuery(`UPDATE "Contact" SET "name" = $1 WHERE "id" = $2`, [owner.name, owner.id]);
  }
});
