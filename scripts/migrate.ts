// Applies the committed migrations of the provider named by DATABASE_URL and records
// them in _prisma_migrations with Prisma's checksum, so `prisma migrate status` agrees.
// SQLite scripts run outside a transaction (PRAGMA foreign_keys=OFF is ignored inside one);
// PostgreSQL runs one transaction per migration. `--reset` drops everything first.
// A migration that was applied and then edited (its checksum differs from the recorded one) or
// removed stops the run before anything is applied: the database would no longer match the code.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseProvider, databaseUrl } from "../lib/config";

export type Migration = { name: string; sql: string; checksum: string };

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

function loadMigrations(provider: string): Migration[] {
  const dir = path.join("prisma", "migrations", provider === "postgresql" ? "postgres" : "sqlite");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type Recorded = { migration_name: string; checksum: string };

/** Refuses to go on when an applied migration was edited or removed since; returns the names applied. */
export function checkAppliedMigrations(recorded: Recorded[], committed: Migration[]): Set<string> {
  const byName = new Map(committed.map((m) => [m.name, m]));
  for (const r of recorded) {
    const m = byName.get(r.migration_name);
    if (!m) throw new Error(`Migration ${r.migration_name} was applied to this database but is no longer in prisma/migrations. Restore it; nothing was applied.`);
    if (m.checksum !== r.checksum)
      throw new Error(
        `Migration ${r.migration_name} was edited after it was applied (checksum ${r.checksum.slice(0, 12)}… recorded, ${m.checksum.slice(0, 12)}… committed). Restore the applied version and add a new migration instead; nothing was applied.`,
      );
  }
  return new Set(recorded.map((r) => r.migration_name));
}

async function migrateSqlite(url: string, reset: boolean) {
  const file = url.replace(/^file:/, "");
  if (reset && existsSync(file)) rmSync(file);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec(CREATE_TABLE.replace(/TIMESTAMPTZ/g, "DATETIME").replace("DEFAULT now()", "DEFAULT current_timestamp"));
  const migrations = loadMigrations("sqlite");
  let applied: Set<string>;
  try {
    applied = checkAppliedMigrations(sqlite.prepare(`SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL`).all() as Recorded[], migrations);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  for (const m of migrations) {
    if (applied.has(m.name)) continue;
    sqlite.exec(m.sql);
    sqlite.prepare(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`).run(randomUUID(), m.checksum, m.name);
    console.log(`applied ${m.name}`);
  }
  sqlite.close();
}

async function migratePostgres(url: string, reset: boolean) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (reset) await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await client.query(CREATE_TABLE);
    const migrations = loadMigrations("postgresql");
    const { rows } = await client.query<Recorded>(`SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    const applied = checkAppliedMigrations(rows, migrations);
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [randomUUID(), m.checksum, m.name]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
      console.log(`applied ${m.name}`);
    }
  } finally {
    await client.end();
  }
}

export async function migrate(url = databaseUrl(), reset = false) {
  if (databaseProvider(url) === "postgresql") await migratePostgres(url, reset);
  else await migrateSqlite(url, reset);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  migrate(databaseUrl(), process.argv.includes("--reset")).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
