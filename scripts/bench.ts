// `npm run bench`: measures the Installers page at scale. Not a test: it prints figures.
// Generates data sets in .bench/ (10,000 / 100,000 / 1,000,000 installers, 1,000,000 panels),
// serves the production build against each, and reports medians of:
//   - GET /installers with page size 15 and 200, a search, and /health (the framework floor);
//   - a bulk accept of 200 installers (one transaction), in-process.
// Usage: npm run bench [-- --sizes 10000,100000,1000000 --runs 50]
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return (i >= 0 ? args[i + 1] : undefined) ?? fallback;
};
const SIZES = arg("sizes", "10000,100000,1000000").split(",").map(Number);
const PANELS = Number(arg("panels", "1000000"));
const RUNS = Number(arg("runs", "50"));
const PORT = Number(arg("port", "3399"));
const SECRET = "bench-secret-0123456789abcdef0123";
const PASSWORD = "Bench-pass-2026";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function cuidish(prefix: string, i: number) {
  return `${prefix}${i.toString(36).padStart(8, "0")}`;
}

async function generate(file: string, installers: number) {
  // A data set made before the latest migrations gets them (the same data, the current schema).
  if (existsSync(file)) return void (await migrate(`file:${file}`, false));
  const t0 = Date.now();
  mkdirSync(path.dirname(file), { recursive: true });
  await migrate(`file:${file}`, true);
  const { hashPassword } = await import("../lib/auth/passwords");
  const { BUILT_IN_ROLE_PERMISSIONS } = await import("../lib/access/permissions");
  const { makeImei } = await import("../lib/panels/rules");
  const sql = new Database(file);
  sql.pragma("journal_mode = WAL");
  sql.pragma("synchronous = OFF");
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  sql.transaction(() => {
    sql.prepare(`INSERT INTO Organization (id, name, installerCount, createdAt) VALUES ('org', 'Bench Org', ?, ?)`).run(installers, iso(now));
    sql.prepare(`INSERT INTO Role (id, organizationId, name, builtIn, allPanelGroups, createdAt) VALUES ('role', 'org', 'Organization Manager', 'ORGANIZATION_MANAGER', 1, ?)`).run(iso(now));
    const perm = sql.prepare(`INSERT INTO RolePermission (roleId, permission) VALUES ('role', ?)`);
    for (const p of BUILT_IN_ROLE_PERMISSIONS.ORGANIZATION_MANAGER) perm.run(p);
  })();
  const hash = await hashPassword(PASSWORD);
  sql
    .prepare(`INSERT INTO User (id, organizationId, email, passwordHash, kind, sessionVersion, createdAt, updatedAt) VALUES ('admin', 'org', 'bench@bench.test', ?, 'EMPLOYEE', 0, ?, ?)`)
    .run(hash, iso(now), iso(now));
  sql
    .prepare(
      `INSERT INTO Employee (id, organizationId, userId, fullName, email, phone, country, roleId, panelCount, createdAt) VALUES ('emp', 'org', 'admin', 'Bench Admin', 'bench@bench.test', '', 'US', 'role', 0, ?)`,
    )
    .run(iso(now));

  const FIRST = ["Liam", "Olivia", "Noah", "Emma", "Oliver", "Ava", "Elijah", "Sophia", "James", "Mia", "Lucas", "Amelia", "Henry", "Harper", "Mason", "Evelyn"];
  const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore", "Martin", "Lee", "Walker", "Young"];
  const STATUS = ["ACCEPTED", "PENDING", "REJECTED"];
  const perInstaller = Math.floor(PANELS / installers);
  const insertUser = sql.prepare(`INSERT INTO User (id, organizationId, email, kind, sessionVersion, createdAt, updatedAt) VALUES (?, 'org', ?, 'INSTALLER', 0, ?, ?)`);
  const { installerSearchTokens } = await import("../lib/installers/search");
  const insertToken = sql.prepare(`INSERT OR IGNORE INTO InstallerSearchToken (organizationId, token, installerId) VALUES ('org', ?, ?)`);
  const insertInstaller = sql.prepare(`INSERT INTO Installer (id, organizationId, userId, name, email, phone, status, panelCount, lastLoginAt, createdAt) VALUES (?, 'org', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const batch = 50_000;
  for (let start = 0; start < installers; start += batch) {
    sql.transaction(() => {
      for (let i = start; i < Math.min(installers, start + batch); i++) {
        const name = `${FIRST[i % 16]} ${LAST[Math.floor(i / 16) % 16]} ${i}`;
        const email = `installer${i}@bench.test`;
        const phone = `+1 555 ${String(i % 10_000).padStart(4, "0")}`;
        const created = iso(now - (i % 1000) * 86_400_000 - i);
        insertUser.run(cuidish("u", i), email, created, created);
        const panels = i < PANELS % installers ? perInstaller + 1 : perInstaller;
        insertInstaller.run(cuidish("i", i), cuidish("u", i), name, email, phone, STATUS[i % 3], panels, i % 5 ? iso(now - (i % 97) * 3_600_000) : null, created);
        for (const token of installerSearchTokens({ name, email, phone })) insertToken.run(token, cuidish("i", i));
      }
    })();
  }
  sql.transaction(() => {
    for (let g = 0; g < 20; g++) sql.prepare(`INSERT INTO PanelGroup (id, organizationId, name, createdAt) VALUES (?, 'org', ?, ?)`).run(`g${g}`, `Group ${g}`, iso(now));
  })();
  const insertPanel = sql.prepare(`INSERT INTO Panel (id, organizationId, imei, accountCode, panelGroupId, installerAppAccess, createdAt) VALUES (?, 'org', ?, ?, ?, 1, ?)`);
  const insertLink = sql.prepare(`INSERT INTO InstallerPanel (installerId, panelId, createdAt) VALUES (?, ?, ?)`);
  for (let start = 0; start < PANELS; start += batch) {
    sql.transaction(() => {
      for (let p = start; p < Math.min(PANELS, start + batch); p++) {
        insertPanel.run(cuidish("p", p), makeImei(String(35000000000000 + p)), (0x100000 + p).toString(16).toUpperCase(), `g${p % 20}`, iso(now));
        insertLink.run(cuidish("i", p % installers), cuidish("p", p), iso(now));
      }
    })();
  }
  sql.exec("ANALYZE");
  sql.close();
  console.log(`  generated ${installers.toLocaleString()} installers and ${PANELS.toLocaleString()} panels in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function startServer(file: string): Promise<ChildProcess> {
  // The production server: the front door (scripts/server.mjs) in front of Next, as `npm start` runs it.
  const child = spawn("node", ["scripts/server.mjs"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: `file:${file}`, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", OUTBOX_WORKER: "off", DEV_MAILBOX: "off" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

function stopServer(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {}
}

async function signIn(): Promise<string> {
  const base = `http://localhost:${PORT}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/console`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: "bench@bench.test", password: PASSWORD, callbackUrl: "/" }),
  });
  const cookies = [...jar, ...(res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]!)];
  if (!cookies.some((c) => c.startsWith("authjs.session-token"))) throw new Error("bench sign-in failed");
  return cookies.join("; ");
}

/**
 * Times every path RUNS times, taking them in turn (floor, page, page, …) so that all of them see
 * the same moments of a shared machine; returns the median and the middle half of each.
 */
async function timePages(paths: Record<string, string>, cookie: string): Promise<Record<string, { median: number; p25: number; p75: number }>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let i = 0; i < RUNS + 5; i++) {
    for (const [key, pathAndQuery] of Object.entries(paths)) {
      const t0 = performance.now();
      const res = await fetch(`http://localhost:${PORT}${pathAndQuery}`, { headers: { cookie } });
      const body = await res.text();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${pathAndQuery} answered ${res.status}`);
      if (pathAndQuery.startsWith("/installers") && !body.includes("installers")) throw new Error("unexpected page");
      if (i >= 5) times[key]!.push(ms);
    }
  }
  const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { median: median(xs), p25: at(xs, 0.25), p75: at(xs, 0.75) }]));
}

/** Runs the bulk-accept measurement in its own process: lib/db binds to one database per process. */
async function timeBulkAccept(file: string): Promise<number> {
  const out = await new Promise<string>((resolve, reject) => {
    let text = "";
    const child = spawn("npx", ["tsx", "--import", "./scripts/server-only.mjs", "scripts/bench.ts", "--bulk-only"], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, OUTBOX_WORKER: "off" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (d) => (text += d));
    child.on("exit", (code) => (code ? reject(new Error("bulk accept measurement failed")) : resolve(text)));
  });
  return Number(/BULK_MEDIAN_MS=([\d.]+)/.exec(out)![1]);
}

async function measureBulkAccept(): Promise<number> {
  const { db } = await import("../lib/db");
  const { acceptInstallers } = await import("../lib/installers/mutations");
  const { ALL_PERMISSIONS } = await import("../lib/access/permissions");
  const actor = {
    userId: "admin",
    organizationId: "org",
    organizationName: "Bench Org",
    kind: "EMPLOYEE" as const,
    email: "bench@bench.test",
    name: "Bench",
    permissions: new Set(ALL_PERMISSIONS),
    panelGroups: "all" as const,
    roleId: "role",
    roleName: "Organization Manager",
    ip: null,
  };
  const times: number[] = [];
  for (let run = 0; run < 12; run++) {
    // A fresh batch of 200 Pending installers for each run (untimed), so data sets can be reused.
    const ids = await db.installer.findMany({ where: { organizationId: "org" }, orderBy: { id: "asc" }, skip: run * 200, take: 200, select: { id: true } });
    await db.installer.updateMany({ where: { id: { in: ids.map((i) => i.id) } }, data: { status: "PENDING" } });
    const t0 = performance.now();
    const r = await acceptInstallers(
      actor,
      ids.map((i) => i.id),
    );
    const ms = performance.now() - t0;
    if (r.applied !== 200) throw new Error(`bulk accept applied ${r.applied}`);
    if (run >= 2) times.push(ms);
  }
  await db.$disconnect();
  return median(times);
}

async function main() {
  console.log(`Dealer Portal benchmark · ${new Date().toISOString()} · node ${process.version}`);
  if (!existsSync(".next/BUILD_ID")) {
    console.log("Building the app…");
    await new Promise<void>((resolve, reject) =>
      spawn("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, AUTH_SECRET: SECRET } }).on("exit", (c) => (c ? reject(new Error("build failed")) : resolve())),
    );
  }
  // Medians by data-set size, then by path key (a missing figure prints as NaN).
  const results: Record<number, Partial<Record<string, number>>> = {};
  const fig = (size: number, key: string) => results[size]?.[key] ?? NaN;
  for (const size of SIZES) {
    const file = path.resolve(`.bench/installers-${size}.db`);
    console.log(`\n${size.toLocaleString()} installers, ${PANELS.toLocaleString()} panels (${file})`);
    await generate(file, size);
    const server = await startServer(file);
    try {
      const cookie = await signIn();
      const t = await timePages(
        {
          floor: "/health",
          page15: "/installers?size=15",
          page200: "/installers?size=200",
          page200sorted: "/installers?size=200&sort=name&dir=asc",
          search: "/installers?q=smith&size=15",
          searchTwoWords: "/installers?q=olivia%20smith&size=15",
          searchEmail: `/installers?q=installer${Math.floor(size / 2)}%40bench.test&size=15`,
        },
        cookie,
      );
      const r = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.median]));
      results[size] = r;
      const line = (label: string, key: string, extra = "") =>
        console.log(`  ${label.padEnd(37)}${fmt(t[key]!.median).padStart(8)}   (middle half ${t[key]!.p25.toFixed(1)}-${t[key]!.p75.toFixed(1)})${extra}`);
      line("/health (framework floor)", "floor");
      line("/installers size 15", "page15");
      line("/installers size 200", "page200", `  ${(fig(size, "page200") / fig(size, "floor")).toFixed(2)}× floor`);
      line("/installers size 200 sorted by name", "page200sorted");
      line(`/installers search "smith"`, "search");
      line(`/installers search "olivia smith"`, "searchTwoWords");
      line("/installers search by email", "searchEmail");
    } finally {
      stopServer(server);
    }
    results[size]!.bulk = await timeBulkAccept(file);
    console.log(`  ${"bulk accept of 200 (one transaction)".padEnd(37)}${fmt(fig(size, "bulk")).padStart(8)}`);
  }
  console.log(`\nMedians of ${RUNS} requests each after 5 warm-ups, the paths of a data set taken in turn, on loopback; bulk accept: median of 10 after 2 warm-ups.`);
  if (results[10000] && results[1000000]) {
    console.log(`Size-200 page at 1,000,000 vs 10,000 installers: ${(fig(1000000, "page200") / fig(10000, "page200")).toFixed(2)}× (target ≤ 1.3×)`);
  }
  if (results[100000]) {
    const r = (key: string) => fig(100000, key);
    console.log(
      `At 100,000 installers: size-200 page ${fmt(r("page200"))} (target ≤ 25 ms, ≤ 3× floor: ${(r("page200") / r("floor")).toFixed(2)}×); ` +
        `searches ${fmt(r("search"))}, ${fmt(r("searchTwoWords"))}, ${fmt(r("searchEmail"))} (target ≤ 20 ms); bulk accept ${fmt(r("bulk"))} (target ≤ 100 ms)`,
    );
  }
}

if (process.argv.includes("--bulk-only")) {
  measureBulkAccept()
    .then((ms) => console.log(`BULK_MEDIAN_MS=${ms}`))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
} else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
