// Several instances (issue 13): two production servers behind a load balancer on one PostgreSQL,
// with a real SMTP server (the smtp-server package). Sessions made on one are valid on the other,
// a server action of a page rendered by one is accepted by the other, rate limits count across
// both, and 1,000 messages queued through both are delivered exactly once while both drain the
// outbox. The deployment shape is the README's: one build, the same AUTH_SECRET and
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, one database, the proxy trusted for the caller's address.
import { spawnSync, type ChildProcess } from "node:child_process";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import pg from "pg";
import { E2E_DATABASE_URL, e2eQuery, expect, PASSWORD, startProductionServer, test, untilListening } from "./support";
import { startTestSmtp, type TestSmtp } from "../tests/support/smtp-server";

const onPostgres = /^postgres(ql)?:\/\//.test(E2E_DATABASE_URL);
test.skip(!onPostgres, "several instances share one PostgreSQL: this runs in the PostgreSQL pass of npm test");
test.describe.configure({ mode: "serial" });

const BALANCER = 3250;
const INSTANCES = { A: 3251, B: 3252 } as const;
type Instance = keyof typeof INSTANCES;
const APP_URL = `http://localhost:${BALANCER}`;

/** A database of its own on the e2e server: 1,000 registrations must not reach the other specs' data. */
const multiUrl = (() => {
  const url = new URL(E2E_DATABASE_URL);
  url.pathname = `${url.pathname.replace(/^\//, "")}_multi`;
  return url.toString();
})();

type Served = { instance: Instance; method: string; url: string; action: boolean; status: number };

/**
 * The load balancer: forwards each request to A or B and says so in `served`. By default GETs and
 * POSTs each alternate (separately, so that a sign-in's POSTs do not all land on one instance);
 * `pin` chooses the instance instead.
 */
function startBalancer(): Promise<{ server: Server; served: Served[]; pin: { choose: ((req: IncomingMessage) => Instance | undefined) | null } }> {
  const served: Served[] = [];
  const pin: { choose: ((req: IncomingMessage) => Instance | undefined) | null } = { choose: null };
  const turns = { GET: 0, POST: 0 };
  const server = createServer((req, res) => {
    const kind = req.method === "POST" ? "POST" : "GET";
    const instance: Instance = pin.choose?.(req) ?? (turns[kind]++ % 2 ? "B" : "A");
    // Logged as it arrives (its status when answered), so a slice taken after a pin holds only requests routed under it.
    const entry: Served = { instance, method: req.method ?? "GET", url: req.url ?? "", action: Boolean(req.headers["next-action"]), status: 0 };
    served.push(entry);
    const upstream = request(
      { host: "127.0.0.1", port: INSTANCES[instance], method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "127.0.0.1" } },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(BALANCER, "127.0.0.1", () => resolve({ server, served, pin })));
}

function startInstance(instance: Instance, smtpPort: number): ChildProcess {
  return startProductionServer(INSTANCES[instance], {
    DATABASE_URL: multiUrl,
    // What every instance must share: the session secret and the public URL (the balancer's).
    AUTH_SECRET: "multi-instance-secret-0123456789abcdef",
    AUTH_URL: APP_URL,
    APP_URL,
    AUTH_TRUST_HOST: "true",
    TRUST_PROXY: "1",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: "false",
    SMTP_FROM: "Dealer Portal <no-reply@multi.test>",
    OUTBOX_INTERVAL_MS: "500",
  });
}

const onMulti = <T>(sql: string, params: unknown[] = []) => e2eQuery<T>(sql, params, multiUrl);

let smtp: TestSmtp;
let balancer: Awaited<ReturnType<typeof startBalancer>>;
const instances: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const admin = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await admin.connect();
  const name = new URL(multiUrl).pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  for (const script of ["scripts/migrate.ts", "prisma/seed.ts"]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", script], { env: { ...process.env, DATABASE_URL: multiUrl }, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
  }
  // The demo's messages are not this test's: only what is queued from here on is counted.
  await onMulti(`UPDATE "OutboxMessage" SET "status" = 'SENT'`);
  smtp = await startTestSmtp();
  balancer = await startBalancer();
  instances.push(startInstance("A", smtp.port), startInstance("B", smtp.port));
  await Promise.all(Object.values(INSTANCES).map(untilListening));
});

test.afterAll(async () => {
  for (const child of instances) child.kill("SIGKILL");
  balancer?.server.close();
  await smtp?.close();
});

test("a session made on one instance is valid on the other, and a page rendered by one has its server action accepted by the other", async ({ page }) => {
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // Pages alternate between the instances: each renders the signed-in console. The four documents
  // are sent in turn; the page's other GETs (chunks, a prefetch) would otherwise move the turn.
  const before = balancer.served.length;
  let turn = 0;
  balancer.pin.choose = (req) => (req.method === "GET" && req.url === "/installers" ? (turn++ % 2 ? "B" : "A") : undefined);
  for (let i = 0; i < 4; i++) {
    await page.goto(`${APP_URL}/installers`);
    await expect(page.getByRole("heading", { name: "Installers" })).toBeVisible();
  }
  balancer.pin.choose = null;
  // A link's page prefetched on the way (?…&_rsc=…) may be cancelled by the next navigation before
  // its answer (status 0). Every answered one must be a 200, and the four documents are.
  const pages = balancer.served.slice(before).filter((s) => s.method === "GET" && s.url.startsWith("/installers"));
  const answered = pages.filter((s) => s.status !== 0);
  expect(new Set(answered.map((s) => s.instance))).toEqual(new Set(["A", "B"]));
  expect(answered.filter((s) => s.status !== 200).map((s) => `${s.instance} ${s.url} ${s.status}`)).toEqual([]);
  expect(pages.filter((s) => s.url === "/installers").map((s) => s.status)).toEqual([200, 200, 200, 200]);

  // The page from A, its Register installer action executed by B; then the other way round.
  for (const [rendering, executing] of [
    ["A", "B"],
    ["B", "A"],
  ] as const) {
    balancer.pin.choose = (req) => (req.headers["next-action"] ? executing : rendering);
    const mark = balancer.served.length;
    await page.goto(`${APP_URL}/installers`);
    await page.getByRole("button", { name: "Register installer" }).click();
    const dialog = page.getByRole("dialog", { name: "Register installer" });
    await dialog.getByLabel("Name").fill(`Crossed ${rendering}${executing}`);
    await dialog.getByLabel("Email").fill(`crossed.${rendering}${executing}@multi.test`.toLowerCase());
    await dialog.getByLabel("Phone").fill("+1 555 3030");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Crossed ${rendering}${executing} is registered` })).toBeVisible();
    const actions = balancer.served.slice(mark).filter((s) => s.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((s) => s.instance === executing && s.status === 200)).toBe(true);
    expect(balancer.served.slice(mark).find((s) => s.url.startsWith("/installers") && !s.action)?.instance).toBe(rendering);
  }
  balancer.pin.choose = null;
  expect(await onMulti(`SELECT "email" FROM "Installer" WHERE "email" LIKE 'crossed.%' ORDER BY "email"`)).toEqual([{ email: "crossed.ab@multi.test" }, { email: "crossed.ba@multi.test" }]);
});

test("failed sign-ins count across both instances: the account is throttled as soon as on one", async ({ page }) => {
  const mark = balancer.served.length;
  let refusedAt = 0;
  for (let attempt = 1; attempt <= 8 && !refusedAt; attempt++) {
    await page.goto(`${APP_URL}/login`);
    await page.getByLabel("Email").fill("manager@demo.test");
    await page.getByLabel("Password").fill("Wrong-password-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    const answer = page.getByText(/The email or password is incorrect\.|Too many failed attempts/);
    await expect(answer).toBeVisible();
    if (/Too many failed attempts/.test(await answer.innerText())) refusedAt = attempt;
  }
  // 5 free failures, then a delay: the 6th or 7th attempt is refused. Counted per instance, with
  // the attempts alternating, it would take 12.
  expect(refusedAt).toBeGreaterThan(5);
  expect(refusedAt).toBeLessThanOrEqual(7);
  const posts = balancer.served.slice(mark).filter((s) => s.method === "POST");
  expect(new Set(posts.map((s) => s.instance))).toEqual(new Set(["A", "B"]));
});

test("1,000 messages queued through both instances are delivered exactly once each while both drain the outbox", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // One Register installer call made through the form, as the browser sends it; the other 999 are
  // the same call with another name and email, sent alternately to A and B (as any client may).
  await page.goto(`${APP_URL}/installers`);
  await page.getByRole("button", { name: "Register installer" }).click();
  const dialog = page.getByRole("dialog", { name: "Register installer" });
  await dialog.getByLabel("Name").fill("Queued 0");
  await dialog.getByLabel("Email").fill("queued.0@multi.test");
  await dialog.getByLabel("Phone").fill("+1 555 3030");
  const sent = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await dialog.getByRole("button", { name: "Save" }).click();
  const call = await sent;
  await expect(page.getByRole("status").filter({ hasText: "Queued 0 is registered" })).toBeVisible();
  const headers = await call.allHeaders();
  const body = call.postData()!;
  expect(body).toContain("queued.0@multi.test");
  const replay = Object.fromEntries(Object.entries(headers).filter(([k]) => ["cookie", "next-action", "next-router-state-tree", "content-type", "accept", "origin"].includes(k)));

  const outcomes: Record<Instance, number> = { A: 0, B: 0 };
  balancer.pin.choose = (req) => req.headers["x-test-instance"] as Instance | undefined;
  const registerOn = async (i: number) => {
    const instance: Instance = i % 2 ? "B" : "A";
    const res = await fetch(`${APP_URL}/installers`, {
      method: "POST",
      headers: { ...replay, "x-test-instance": instance },
      body: body.replaceAll("queued.0@multi.test", `queued.${i}@multi.test`).replaceAll("Queued 0", `Queued ${i}`),
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(200);
    expect(text).toContain(`Queued ${i} is registered`);
    outcomes[instance]++;
  };
  // Four callers at a time, as several browsers would.
  for (let start = 1; start < 1000; start += 4)
    await Promise.all(
      [0, 1, 2, 3]
        .map((k) => start + k)
        .filter((i) => i < 1000)
        .map(registerOn),
    );
  balancer.pin.choose = null;
  expect(outcomes).toEqual({ A: 499, B: 500 });
  const actionsOn = (instance: Instance) => balancer.served.filter((s) => s.action && s.status === 200 && s.instance === instance).length;
  expect(actionsOn("A")).toBeGreaterThanOrEqual(499);
  expect(actionsOn("B")).toBeGreaterThanOrEqual(500);

  const ours = (messages: string[]) => messages.filter((m) => /^To:\s*queued\.\d+@multi\.test/im.test(m));
  await expect.poll(() => ours(smtp.messages).length, { timeout: 180_000, intervals: [1000] }).toBeGreaterThanOrEqual(1000);
  // Both keep draining for a while: nothing more arrives.
  await new Promise((r) => setTimeout(r, 3000));
  const received = ours(smtp.messages);
  expect(received).toHaveLength(1000);
  const recipients = received.map((m) => /^To:\s*(\S+)/im.exec(m)![1]);
  expect(new Set(recipients).size).toBe(1000);
  const ids = received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m)![1]);
  expect(new Set(ids).size).toBe(1000);
  const [row] = await onMulti<{ sent: string; other: string }>(
    `SELECT COUNT(*) FILTER (WHERE "status" = 'SENT') AS "sent", COUNT(*) FILTER (WHERE "status" <> 'SENT') AS "other" FROM "OutboxMessage" WHERE "to" LIKE 'queued.%@multi.test'`,
  );
  expect(row).toEqual({ sent: "1000", other: "0" });
});
