// What an attacker tries from outside: a copied session cookie, forged proxy headers, a
// cross-origin server-action call, an oversized body.
import type { Page } from "@playwright/test";
import { e2eRow, expect, signIn, signOut, test } from "./support";

/** The id of the sign-in server action, as the browser sends it. */
async function signInActionId(page: Page): Promise<string> {
  await page.goto("/login");
  const seen = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("Email").fill("nobody-here@e2e.test");
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  return (await seen).headers()["next-action"]!;
}

test("a session cookie copied before sign-out does not work after it", async ({ page, browser }) => {
  await signIn(page, "manager@demo.test");
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name === "authjs.session-token" && c.httpOnly && c.sameSite === "Lax")).toBe(true);
  await signOut(page);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/employees");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test("Sign out of all other sessions ends the other browser's session and keeps this one", async ({ page, browser }) => {
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, "tech@demo.test");
  await signIn(page, "tech@demo.test");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out of all other sessions" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Signed out of \d+ other sessions?\./ })).toBeVisible();
  await elsewhere.goto("/");
  await expect(elsewhere).toHaveURL(/\/login/);
  await page.reload();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
  await other.close();
});

test("a forged X-Forwarded-For does not become the audited address", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" });
  await signIn(page, "admin@other.test");
  const row = (await e2eRow<{ ip: string }>(`SELECT "ip" FROM "AuditEvent" WHERE "action" = 'auth.sign_in.console' AND "actorEmail" = 'admin@other.test' ORDER BY "createdAt" DESC LIMIT 1`))!;
  expect(row.ip).not.toContain("6.6.6.6");
  expect(row.ip).toMatch(/127\.0\.0\.1|::1/);
});

test("a cross-origin server-action call is refused and audited, even with a forged X-Forwarded-Host or as a form posted without JavaScript", async ({ page, request }) => {
  const id = await signInActionId(page);
  const attempts: Record<string, string>[] = [{ origin: "http://evil.test" }, { origin: "http://evil.test", "x-forwarded-host": "evil.test" }];
  for (const headers of attempts) {
    const response = await request.post("/login", { headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", ...headers }, data: "[]" });
    expect(response.status()).toBe(403);
  }
  // A form posted without JavaScript names its action in a field, not a header: refused the same way.
  const form = await request.post("/login", { headers: { origin: "http://evil.test" }, multipart: { [`$ACTION_ID_${id}`]: "" } });
  expect(form.status()).toBe(403);
  const sameSite = await request.post("/login", { headers: { origin: new URL(page.url()).origin }, multipart: { [`$ACTION_ID_${id}`]: "" } });
  expect(sameSite.status()).not.toBe(403);
  // The front door audits after answering: wait for both rows.
  await expect
    .poll(async () => {
      const denied = await e2eRow<{ n: number | string }>(
        `SELECT COUNT(*) AS "n" FROM "AuditEvent" WHERE "action" = 'security.origin_rejected' AND "detail" LIKE '%http://evil.test%' AND "ip" IS NOT NULL`,
      );
      return Number(denied?.n ?? 0);
    })
    .toBeGreaterThanOrEqual(3);
});

test("the dev mailbox is not shown through a proxy on this machine", async ({ request }) => {
  expect((await request.get("/dev/mailbox")).status()).toBe(200);
  // nginx, Caddy and load balancers name the client or the hop; the server listens on loopback all the same.
  const relayed: Record<string, string>[] = [{ "x-forwarded-for": "198.51.100.9" }, { "x-real-ip": "198.51.100.9" }, { forwarded: "for=198.51.100.9" }, { via: "1.1 proxy" }];
  for (const headers of relayed) {
    const response = await request.get("/dev/mailbox", { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(404);
    expect(await response.text()).not.toContain("outgoing messages wait here");
  }
  // A client cannot mark its own request as relayed or not: the front door sets the mark.
  expect((await request.get("/dev/mailbox", { headers: { "x-portal-relayed": "1" } })).status()).toBe(200);
});

test("a body over 1 MB is answered 413", async ({ page, request }) => {
  const id = await signInActionId(page);
  const response = await request.post("/login", {
    headers: { "next-action": id, origin: new URL(page.url()).origin, "content-type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(["x".repeat(1024 * 1024 + 10)]),
  });
  expect(response.status()).toBe(413);
});

/** Collects every Content-Security-Policy violation the page reports, from before any script of the page runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test("every screen runs under the Content-Security-Policy with no violation, and carries the security headers", async ({ page }) => {
  const violations = await watchCsp(page);
  const seen: string[] = [];
  const visit = async (path: string) => {
    const response = await page.goto(path);
    const h = response!.headers();
    expect(h["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    seen.push(...(await violations()).map((v) => `${path}: ${v}`));
  };
  for (const path of [
    "/login",
    "/app/login",
    "/forgot-password",
    "/forgot-password/reset",
    "/setup-password",
    "/installer/login",
    "/installer/register",
    "/installer/forgot-password",
    "/installer/reset-password",
    "/installer/login/check-email",
    "/dev/mailbox",
  ]) {
    await visit(path);
  }
  await signIn(page, "admin@demo.test");
  const ids = (await e2eRow<Record<string, string>>(
    `SELECT (SELECT "id" FROM "Customer" LIMIT 1) AS "c", (SELECT "id" FROM "Site" LIMIT 1) AS "s", (SELECT "id" FROM "PanelGroup" LIMIT 1) AS "g", (SELECT "id" FROM "CredentialGroup" LIMIT 1) AS "cg"`,
  ))!;
  for (const path of [
    "/",
    "/installers",
    "/employees",
    "/roles",
    "/panels",
    "/panels/groups",
    `/panels/groups/${ids.g}`,
    "/customers",
    `/customers/${ids.c}`,
    "/sites",
    `/sites/${ids.s}`,
    "/sites/credential-groups",
    `/sites/credential-groups/${ids.cg}`,
    "/audit",
    "/settings",
    "/settings/email",
    "/account/password",
  ]) {
    await visit(path);
  }
  // An interaction after hydration: a menu, a modal.
  await page.goto("/installers");
  await page.getByRole("button", { name: "Register installer" }).click();
  await expect(page.getByRole("dialog", { name: "Register installer" })).toBeVisible();
  seen.push(...(await violations()));
  expect(seen).toEqual([]);
});

test("the customer app runs under the policy too", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/app/login");
  await page.getByLabel("Email").fill("owner2@customers.test");
  await page.getByLabel("Password").fill("DemoPass-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Hello, / })).toBeVisible();
  await page.getByTestId("customer-site").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Site Settings" })).toBeVisible();
  await page.goto("/app/team");
  await expect(page.getByRole("heading", { name: "My Team" })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("the installer app runs under the policy too", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/installer/login");
  await page.getByLabel("Email", { exact: true }).fill("noah.anderson@installers.test");
  await page.getByLabel("Password").fill("DemoPass-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/installer$/);
  await page.goto("/installer/account/password");
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("two-step verification: set up with the key, then sign-in asks for a code; a recovery code works once", async ({ page }) => {
  const { Secret, TOTP } = await import("otpauth");
  await signIn(page, "admin@other.test");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Two-step verification" }).click();
  await expect(page.getByRole("heading", { name: "Set up two-step verification" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("mfa-secret").innerText()).trim();
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate();
  await page.getByLabel("Code from the app").fill(code);
  await page.getByRole("button", { name: "Turn on" }).click();
  // Wait for the codes to be shown before reading them (allInnerTexts does not wait).
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await page.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) => c.trim());
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification is on" })).toBeVisible();
  await signOut(page);

  // The password alone does not sign in.
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@other.test");
  await page.getByLabel("Password").fill("DemoPass-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/mfa/);
  await page.goto("/employees");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await page.goto("/login/mfa");
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").first()).toContainText("not right");
  await page.getByLabel("Authentication code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();

  // Settings → Security: require it of everyone, then no longer.
  await page.goto("/settings/security");
  await page.getByLabel("Require two-step verification for all employees").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "now required for all employees" })).toBeVisible();
  await page.getByLabel("Require two-step verification for all employees").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "no longer required" })).toBeVisible();
  await page.goto("/account/mfa");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9");
});
