// `npm run bench`: measures the Installers page at scale, on SQLite and PostgreSQL side by side.
// Not a test: it prints figures. Generates data sets in .bench/ (10,000 / 100,000 / 1,000,000
// installers, 1,000,000 panels, 1,000,000 audit events) as SQLite files, copies each into PostgreSQL (BENCH_POSTGRES_URL,
// or a throw-away server started with scripts/postgres.sh when run as root), serves the production
// build against each, and reports medians of:
//   - GET /installers with page size 15 and 200, sorted, three searches, and /health (the floor);
//     the Panels page; the Audit log unfiltered and filtered by actor and by action;
//   - a bulk accept of 200 installers (one transaction), in-process; then the two name searches
//     again, after the bulk accepts' 4,800 installer changes;
//   - at 100,000 installers, a load phase (autocannon, 8 connections, 10 s) of /health and the
//     Installers page with 15 and 200 rows, in five rounds, each path's 10 s of a round taken in
//     slices of 2 s in turn with the others': requests per second, each page's ratio to the floor of
//     its round and the median of those ratios, errors, server memory. On this shared machine the
//     floor alone moved by half between 10-second phases of one run (184-319 req/s);
//   - once, the first-load JavaScript (gzip) of every console page against the bare 404 page.
// Usage: npm run bench [-- --sizes 10000,100000,1000000 --runs 50 --engines sqlite,postgres --load 100000 --load-rounds 5 --panels 1000000 --audit-events 1000000]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { migrate } from "./migrate";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return (i >= 0 ? args[i + 1] : undefined) ?? fallback;
};
const SIZES = arg("sizes", "10000,100000,1000000").split(",").map(Number);
const PANELS = Number(arg("panels", "1000000"));
const AUDIT_EVENTS = Number(arg("audit-events", "1000000"));
const RUNS = Number(arg("runs", "50"));
const PORT = Number(arg("port", "3399"));
const SECRET = "bench-secret-0123456789abcdef0123";
const PASSWORD = "Bench-pass-2026";
const ENGINES = arg("engines", "sqlite,postgres").split(",") as Engine[];
const LOAD_SIZE = Number(arg("load", "100000"));
const LOAD_ROUNDS = Math.max(1, Number(arg("load-rounds", "5")));
type Engine = "sqlite" | "postgres";

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
  if (existsSync(file)) {
    await migrate(`file:${file}`, false);
    const existing = new Database(file, { readonly: true });
    const { n } = existing.prepare(`SELECT COUNT(*) AS n FROM AuditEvent`).get() as { n: number };
    existing.close();
    if (n >= AUDIT_EVENTS) return;
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true }); // made before the Audit log was in it
  }
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
  const { installerSearchText, installerSearchTokens } = await import("../lib/installers/search");
  const insertToken = sql.prepare(`INSERT OR IGNORE INTO InstallerSearchToken (organizationId, token, installerId) VALUES ('org', ?, ?)`);
  const insertInstaller = sql.prepare(
    `INSERT INTO Installer (id, organizationId, userId, name, email, phone, status, panelCount, lastLoginAt, createdAt, searchText) VALUES (?, 'org', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
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
        const tokens = installerSearchTokens({ name, email, phone });
        insertInstaller.run(cuidish("i", i), cuidish("u", i), name, email, phone, STATUS[i % 3], panels, i % 5 ? iso(now - (i % 97) * 3_600_000) : null, created, installerSearchText(tokens));
        for (const token of tokens) insertToken.run(token, cuidish("i", i));
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
  // A few years of a large dealer's Audit log: a sign-in, a request, a change a minute.
  const ACTIONS = ["auth.sign_in", "auth.sign_in_link.request", "auth.sign_in", "installers.accept", "panels.add", "auth.sign_out", "customers.add", "auth.mfa.verify"];
  const insertEvent = sql.prepare(
    `INSERT INTO AuditEvent (id, organizationId, actorUserId, actorEmail, action, targetType, targetId, targetLabel, outcome, ip, createdAt) VALUES (?, 'org', ?, ?, ?, 'User', ?, ?, 'SUCCESS', '192.0.2.1', ?)`,
  );
  for (let start = 0; start < AUDIT_EVENTS; start += batch) {
    sql.transaction(() => {
      for (let e = start; e < Math.min(AUDIT_EVENTS, start + batch); e++) {
        const i = (e * 7919) % installers;
        insertEvent.run(cuidish("a", e), cuidish("u", i), `installer${i}@bench.test`, ACTIONS[e % ACTIONS.length], cuidish("u", i), `installer${i}@bench.test`, iso(now - (AUDIT_EVENTS - e) * 60_000));
      }
    })();
  }
  sql.exec("ANALYZE");
  sql.close();
  console.log(
    `  generated ${installers.toLocaleString()} installers, ${PANELS.toLocaleString()} panels and ${AUDIT_EVENTS.toLocaleString()} audit events in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

async function startServer(url: string): Promise<ChildProcess> {
  // The production server: the front door (scripts/server.mjs) in front of Next, as `npm start` runs it.
  const child = spawn("node", ["scripts/server.mjs"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: url, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", OUTBOX_WORKER: "off", DEV_MAILBOX: "off" },
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
async function timeBulkAccept(url: string): Promise<number> {
  const out = await new Promise<string>((resolve, reject) => {
    let text = "";
    const child = spawn("npx", ["tsx", "--import", "./scripts/server-only.mjs", "scripts/bench.ts", "--bulk-only"], {
      env: { ...process.env, DATABASE_URL: url, OUTBOX_WORKER: "off" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (d) => (text += d));
    child.on("exit", (code) => (code ? reject(new Error("bulk accept measurement failed")) : resolve(text)));
  });
  return Number(/BULK_MEDIAN_MS=([\d.]+)/.exec(out)![1]);
}

/** Bulk accepts measured, each of 200 installers set back to Pending first: 400 installer changes a run. */
const BULK_RUNS = 12;

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
  for (let run = 0; run < BULK_RUNS; run++) {
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

const PATHS = (size: number) => ({
  floor: "/health",
  page15: "/installers?size=15",
  page200: "/installers?size=200",
  page200sorted: "/installers?size=200&sort=name&dir=asc",
  search: "/installers?q=smith&size=15",
  searchTwoWords: "/installers?q=olivia%20smith&size=15",
  searchEmail: `/installers?q=installer${Math.floor(size / 2)}%40bench.test&size=15`,
  // Every panel has an installer: the page counts installers and employees per panel shown.
  panels15: "/panels?size=15",
  audit: "/audit?size=50",
  auditActor: "/audit?actor=installer1&size=50",
  auditOneActor: `/audit?actor=installer${Math.floor(size / 3)}%40&size=50`,
  auditAction: "/audit?action=panels.&size=50",
});
const LABELS: Record<string, string> = {
  floor: "/health (framework floor)",
  page15: "Installers, 15 per page",
  page200: "Installers, 200 per page",
  page200sorted: "Installers, 200 per page sorted by name",
  search: `search "smith" (1 in 16 match)`,
  searchTwoWords: `search "olivia smith" (two common words)`,
  searchEmail: "search by email",
  panels15: "Panels, 15 per page (with their counts)",
  audit: "Audit log, 50 per page",
  auditActor: `Audit log, actor "installer1" (1 in 9 events)`,
  auditOneActor: "Audit log, one installer's events",
  auditAction: `Audit log, action "panels." (1 in 8)`,
  bulk: "bulk accept of 200, one transaction",
  floorAfterChanges: "/health again, the floor of the two rows below",
  searchAfterChanges: `search "smith" after ${(BULK_RUNS * 400).toLocaleString("en-US")} installer changes`,
  searchTwoWordsAfterChanges: `search "olivia smith" after them`,
};

/** The PostgreSQL server to copy the data sets into: BENCH_POSTGRES_URL, or a throw-away one (root). */
function postgresServer(): { url: string; stop: () => void } | null {
  if (process.env.BENCH_POSTGRES_URL) return { url: process.env.BENCH_POSTGRES_URL, stop: () => undefined };
  if (process.getuid?.() !== 0) return null;
  const started = spawnSync("bash", ["scripts/postgres.sh", "start"], { env: { ...process.env, PG_PORT: process.env.BENCH_PG_PORT || "54339" }, encoding: "utf8" });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  const [dir, url] = started.stdout.trim().split(/\s+/);
  return { url: url!, stop: () => void spawnSync("bash", ["scripts/postgres.sh", "stop", dir!]) };
}

/**
 * Copies a SQLite data set into a fresh PostgreSQL database of the same server (bench_<size>):
 * the schema by the migrations, then every non-empty table with one INSERT … SELECT unnest(…) per
 * 20,000 rows, typed by the PostgreSQL columns.
 */
async function copyToPostgres(file: string, serverUrl: string, size: number): Promise<string> {
  const t0 = Date.now();
  const url = new URL(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `bench_${size}`;
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  const target = url.toString();
  await migrate(target, false);
  const sql = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  // Rows go in table by table; the foreign keys hold in the source, so their checks wait.
  await client.query("SET session_replication_role = replica");
  const tables = (sql.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map((t) => t.name);
  for (const table of tables) {
    if (!sql.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get()) continue;
    const columns = (
      await client.query<{ column_name: string; udt_name: string; data_type: string }>(
        `SELECT column_name, udt_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
    ).rows;
    if (!columns.length) continue; // SQLite's own (the full-text index and its shadow tables): PostgreSQL indexes in its way

    await client.query(`DELETE FROM "${table}"`);
    const list = columns.map((c) => `"${c.column_name}"`).join(", ");
    const casts = columns
      .map((c, i) => (c.data_type === "USER-DEFINED" ? `$${i + 1}::text[]::"${c.udt_name}"[]` : `$${i + 1}::${c.udt_name === "timestamp" ? "timestamp(3)" : c.udt_name}[]`))
      .join(", ");
    const insert = `INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${casts})`;
    let batch: unknown[][] = columns.map(() => []);
    let rows = 0;
    const flush = async () => {
      if (!batch[0]!.length) return;
      await client.query(insert, batch);
      batch = columns.map(() => []);
    };
    for (const row of sql.prepare(`SELECT ${list} FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
      columns.forEach((c, i) => {
        const v = row[c.column_name];
        batch[i]!.push(c.udt_name === "bool" && v !== null ? Boolean(v) : v);
      });
      if (++rows % 20_000 === 0) await flush();
    }
    await flush();
  }
  await client.query("SET session_replication_role = DEFAULT");
  // What autovacuum does soon after a bulk load: statistics, the visibility map (index-only
  // scans) and the GIN index's pending list merged. Without it the first minutes are measured.
  await client.query("VACUUM ANALYZE");
  // And the load's dirty pages written now: otherwise the checkpointer spreads their writes over
  // the next minutes, which are the measured ones (the 15-row load rounds fell 0.61 → 0.56 → 0.51×
  // one after another in the first run of 2026-12-06, the same page at 0.59-0.61× on a settled copy).
  await client.query("CHECKPOINT");
  await client.end();
  sql.close();
  console.log(`  copied into PostgreSQL (${name}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return target;
}

/** The server's resident memory (MB), from /proc. */
function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
  } catch {
    return NaN;
  }
}

type Load = { rps: number; errors: number; non2xx: number; rssStart: number; rssEnd: number; rssMax: number };
const LOAD_KEYS = ["floor", "page15", "page200"] as const;
type LoadKey = (typeof LOAD_KEYS)[number];
const LOAD_PATHS: Record<LoadKey, string> = { floor: "/health", page15: "/installers?size=15", page200: "/installers?size=200" };

/** The load rounds of one engine: medians of requests per second and of each round's ratio to its floor; errors and memory over all. */
function loadSummary(rounds: Record<LoadKey, Load>[]) {
  const all = rounds.flatMap((r) => LOAD_KEYS.map((k) => r[k]));
  return {
    floor: median(rounds.map((r) => r.floor.rps)),
    page15: median(rounds.map((r) => r.page15.rps)),
    page200: median(rounds.map((r) => r.page200.rps)),
    ratio15: median(rounds.map((r) => r.page15.rps / r.floor.rps)),
    ratio200: median(rounds.map((r) => r.page200.rps / r.floor.rps)),
    errors: all.reduce((n, x) => n + x.errors, 0),
    non2xx: all.reduce((n, x) => n + x.non2xx, 0),
    rssStart: rounds[0]!.floor.rssStart,
    rssEnd: rounds.at(-1)!.page200.rssEnd,
    rssMax: Math.max(...all.map((x) => x.rssMax)),
  };
}

/** Each path's 10 seconds of a round are taken in this many slices, in turn with the other paths'. */
const LOAD_SLICES = 5;

/**
 * One round of the load phase: autocannon, 8 connections, 10 s for each path, taken as slices of
 * 2 s in turn (floor, 15 rows, 200 rows, floor, …), so that the floor and the pages share the
 * moments of a shared machine (taken as 10 s each one after the other, a neighbour's burst in
 * one phase moved a round's ratio by half). Requests per second over the path's 10 s (answers
 * counted; by the mean latency and Little's law the figures are 2-3 % higher for every path
 * alike); the server's memory sampled every second.
 */
async function loadRound(cookie: string, pid: number): Promise<Record<LoadKey, Load>> {
  const paths = LOAD_KEYS.map((key) => ({ key, requests: 0, seconds: 0, errors: 0, non2xx: 0, rss: [] as number[] }));
  for (let slice = 0; slice < LOAD_SLICES; slice++) {
    for (const p of paths) {
      p.rss.push(rssMb(pid));
      const timer = setInterval(() => p.rss.push(rssMb(pid)), 1000);
      const result = await autocannon({ url: `http://localhost:${PORT}${LOAD_PATHS[p.key]}`, connections: 8, duration: 10 / LOAD_SLICES, headers: { cookie } });
      clearInterval(timer);
      p.rss.push(rssMb(pid));
      p.requests += result.requests.total;
      p.seconds += result.duration;
      p.errors += result.errors + result.timeouts;
      p.non2xx += result.non2xx;
    }
  }
  return Object.fromEntries(
    paths.map((p) => [p.key, { rps: p.requests / p.seconds, errors: p.errors, non2xx: p.non2xx, rssStart: p.rss[0]!, rssEnd: p.rss.at(-1)!, rssMax: Math.max(...p.rss) }]),
  ) as Record<LoadKey, Load>;
}

/** Every /_next/static chunk a page's HTML loads or names in its flight data (client components), gzip-sized. */
async function firstLoadJs(pathAndQuery: string, cookie: string): Promise<{ status: number; kb: number; chunks: Set<string> }> {
  const res = await fetch(`http://localhost:${PORT}${pathAndQuery}`, { headers: { cookie } });
  const html = await res.text();
  // Script tags say /_next/static/chunks/…; the flight data names client-component chunks static/chunks/….
  const chunks = new Set([...html.matchAll(/(?:\/_next\/)?static\/chunks\/[\w./~-]+?\.js/g)].map((m) => `/_next/${m[0].replace(/^\/_next\//, "")}`));
  let bytes = 0;
  for (const chunk of chunks) bytes += gzipSync(Buffer.from(await (await fetch(`http://localhost:${PORT}${chunk}`)).arrayBuffer()), { level: 9 }).length;
  return { status: res.status, kb: bytes / 1024, chunks };
}

const CONSOLE_PAGES = ["/installers", "/employees", "/roles", "/panels", "/customers", "/sites", "/logins", "/personnel", "/jobs", "/my-jobs", "/audit", "/settings/email"];

async function main() {
  console.log(`Dealer Portal benchmark · ${new Date().toISOString()} · node ${process.version}`);
  if (!existsSync(".next/BUILD_ID")) {
    console.log("Building the app…");
    await new Promise<void>((resolve, reject) =>
      spawn("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, AUTH_SECRET: SECRET } }).on("exit", (c) => (c ? reject(new Error("build failed")) : resolve())),
    );
  }
  const postgres = ENGINES.includes("postgres") ? postgresServer() : null;
  if (ENGINES.includes("postgres") && !postgres) console.log("PostgreSQL skipped: set BENCH_POSTGRES_URL (or run as root to start a throw-away server).");
  const engines = ENGINES.filter((e) => e === "sqlite" || postgres);
  // Medians by data-set size and engine, then by path key (a missing figure prints as NaN).
  const results: Record<string, Partial<Record<string, number>>> = {};
  const loads: Record<string, Record<LoadKey, Load>[]> = {};
  let js: { page: string; status: number; kb: number }[] | null = null;
  const fig = (size: number, engine: Engine, key: string) => results[`${size}/${engine}`]?.[key] ?? NaN;
  try {
    for (const size of SIZES) {
      const file = path.resolve(`.bench/installers-${size}.db`);
      console.log(`\n${size.toLocaleString()} installers, ${PANELS.toLocaleString()} panels, ${AUDIT_EVENTS.toLocaleString()} audit events (${file})`);
      await generate(file, size);
      for (const engine of engines) {
        const url = engine === "sqlite" ? `file:${file}` : await copyToPostgres(file, postgres!.url, size);
        const server = await startServer(url);
        const r: Partial<Record<string, number>> = (results[`${size}/${engine}`] = {});
        try {
          const cookie = await signIn();
          const t = await timePages(PATHS(size), cookie);
          for (const [k, v] of Object.entries(t)) r[k] = v.median;
          console.log(`  ${engine}`);
          for (const key of Object.keys(t))
            console.log(
              `    ${LABELS[key]!.padEnd(42)}${fmt(t[key]!.median).padStart(9)}   (middle half ${t[key]!.p25.toFixed(1)}-${t[key]!.p75.toFixed(1)})${key === "floor" ? "" : `  ${(t[key]!.median / t.floor!.median).toFixed(2)}× floor`}`,
            );
          if (size === LOAD_SIZE) {
            // Rounds of the three paths in turn: a neighbour's burst on this shared machine moves
            // a phase by ±15 % and more, so each page is read against the floor of its own round
            // (taken in slices between the pages' slices), and the median of the rounds' ratios is
            // the figure.
            const rounds: Record<LoadKey, Load>[] = (loads[engine] = []);
            for (let round = 1; round <= LOAD_ROUNDS; round++) {
              const l = await loadRound(cookie, server.pid!);
              for (const key of LOAD_KEYS) {
                const x = l[key];
                console.log(
                  `    load ${round}/${LOAD_ROUNDS} ${LOAD_PATHS[key].padEnd(24)} ${x.rps.toFixed(0).padStart(5)} req/s${key === "floor" ? "" : ` (${(x.rps / l.floor.rps).toFixed(2)}× floor)`}, errors ${x.errors}, non-2xx ${x.non2xx}, server memory ${x.rssStart.toFixed(0)} → ${x.rssEnd.toFixed(0)} MB (max ${x.rssMax.toFixed(0)})`,
                );
              }
              rounds.push(l);
            }
          }
          if (!js) {
            js = [];
            for (const page of [...CONSOLE_PAGES, "/this-page-does-not-exist"]) {
              const { status, kb } = await firstLoadJs(page, cookie);
              js.push({ page, status, kb });
            }
          }
        } finally {
          stopServer(server);
        }
        r.bulk = await timeBulkAccept(url);
        console.log(`    ${LABELS.bulk!.padEnd(42)}${fmt(r.bulk).padStart(9)}`);
        // The searches again after the bulk accepts' changes, as a live data set has them: on
        // PostgreSQL the full-text index holds their entries in its pending list until it merges it.
        const again = await startServer(url);
        try {
          const paths = PATHS(size);
          const t = await timePages({ floor: paths.floor, searchAfterChanges: paths.search, searchTwoWordsAfterChanges: paths.searchTwoWords }, await signIn());
          r.floorAfterChanges = t.floor!.median;
          for (const key of ["searchAfterChanges", "searchTwoWordsAfterChanges"] as const) {
            r[key] = t[key]!.median;
            console.log(
              `    ${LABELS[key]!.padEnd(42)}${fmt(t[key]!.median).padStart(9)}   (middle half ${t[key]!.p25.toFixed(1)}-${t[key]!.p75.toFixed(1)})  ${(t[key]!.median / t.floor!.median).toFixed(2)}× its floor of ${fmt(t.floor!.median)}`,
            );
          }
        } finally {
          stopServer(again);
        }
      }
    }
  } finally {
    postgres?.stop();
  }

  console.log(`\nMedians of ${RUNS} requests each after 5 warm-ups, the paths of a data set taken in turn, on loopback; bulk accept: median of 10 after 2 warm-ups.`);
  const columns = SIZES.flatMap((size) => engines.map((engine) => ({ size, engine })));
  console.log(`\n| | ${columns.map((c) => `${c.size.toLocaleString()} ${c.engine === "sqlite" ? "SQLite" : "PostgreSQL"}`).join(" | ")} |`);
  console.log(`| --- |${columns.map(() => " --- |").join("")}`);
  for (const key of Object.keys(LABELS))
    console.log(
      `| ${LABELS[key]} | ${columns
        .map((c) => {
          const v = fig(c.size, c.engine, key);
          if (key === "floor" || key === "floorAfterChanges" || key === "bulk") return fmt(v);
          // The searches after the changes were timed by a second server, against a floor of its own.
          const floor = fig(c.size, c.engine, key.endsWith("AfterChanges") ? "floorAfterChanges" : "floor");
          return `${fmt(v)} (${(v / floor).toFixed(2)}×)`;
        })
        .join(" | ")} |`,
    );
  for (const engine of engines) {
    const r = (key: string) => fig(100000, engine, key);
    if (!results[`100000/${engine}`]) continue;
    console.log(
      `${engine} at 100,000: size-200 page ${(r("page200") / r("floor")).toFixed(2)}× floor (target ≤ 2×); searches ${fmt(r("search"))}, ${fmt(r("searchTwoWords"))}, ${fmt(r("searchEmail"))} (target ≤ 20 ms); bulk accept ${fmt(r("bulk"))} (target ≤ 100 ms)`,
    );
    if (results[`1000000/${engine}`]) {
      const m = (key: string) => fig(1000000, engine, key);
      console.log(
        `${engine} at 1,000,000: size-200 page ${(m("page200") / m("floor")).toFixed(2)}× floor (target ≤ 2×); "olivia smith" ${fmt(m("searchTwoWords"))}, after the bulk accepts ${fmt(m("searchTwoWordsAfterChanges"))} (target ≤ 20 ms)`,
      );
    }
    const rounds = loads[engine];
    if (rounds?.length) {
      const summary = loadSummary(rounds);
      console.log(
        `${engine} load at ${LOAD_SIZE.toLocaleString()} (median of ${rounds.length} rounds): /health ${summary.floor.toFixed(0)} req/s; size 15 ${summary.page15.toFixed(0)} req/s = ${summary.ratio15.toFixed(2)}× (target ≥ 0.6×); size 200 ${summary.page200.toFixed(0)} req/s = ${summary.ratio200.toFixed(2)}× (target ≥ 0.4×); errors ${summary.errors}, non-2xx ${summary.non2xx}; server memory ${summary.rssStart.toFixed(0)} → ${summary.rssEnd.toFixed(0)} MB over the rounds (max ${summary.rssMax.toFixed(0)})`,
      );
    }
  }
  if (js) {
    const floor = js.find((j) => j.page === "/this-page-does-not-exist")!;
    console.log(`\nFirst-load JavaScript, gzip (target ≤ 1.25× the bare 404 page, ${floor.kb.toFixed(1)} kB):`);
    for (const j of js)
      console.log(`  ${j.page.padEnd(28)}${`${j.kb.toFixed(1)} kB`.padStart(10)}  ${(j.kb / floor.kb).toFixed(2)}×${j.status === 200 || j.page === floor.page ? "" : `  (answered ${j.status})`}`);
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
