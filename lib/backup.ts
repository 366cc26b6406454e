import "server-only";
// Backups (`npm run db:backup`, `npm run db:restore`). SQLite: SQLite's online backup API, a
// consistent copy taken page by page while the app keeps running (writers are not blocked for the
// whole copy). PostgreSQL: pg_dump's custom format, itself a consistent snapshot; restored with
// pg_restore. Restoring replaces the database: stop the app first.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider } from "./config";

function sqliteFile(url: string): string {
  return url.replace(/^file:/, "");
}

/** pg_dump / pg_restore on PATH, or in Debian's versioned directory. */
export function postgresTool(name: "pg_dump" | "pg_restore"): string | null {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  if (onPath.status === 0 && onPath.stdout.trim()) return onPath.stdout.trim();
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const candidate = path.join(base, v, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
}

/** Writes a consistent copy of the database into `dir` and returns its path. */
export async function backupDatabase(url: string, dir: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (databaseProvider(url) === "sqlite") {
    const target = path.join(dir, `portal-${stamp(now)}.db`);
    const source = new Database(sqliteFile(url), { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    return target;
  }
  const pgDump = postgresTool("pg_dump");
  if (!pgDump) throw new Error("pg_dump was not found: install PostgreSQL's client tools (Debian: postgresql-client).");
  const target = path.join(dir, `portal-${stamp(now)}.dump`);
  const run = spawnSync(pgDump, ["--format=custom", "--no-owner", `--file=${target}`, url], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr.trim()}`);
  return target;
}

/** Replaces the database with a backup (the app must be stopped). */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  if (databaseProvider(url) === "sqlite") {
    const target = sqliteFile(url);
    mkdirSync(path.dirname(target), { recursive: true });
    // The backup is a complete database file; stale WAL files of the old one must not be replayed over it.
    for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
    copyFileSync(file, target);
    return;
  }
  const pgRestore = postgresTool("pg_restore");
  if (!pgRestore) throw new Error("pg_restore was not found: install PostgreSQL's client tools (Debian: postgresql-client).");
  const run = spawnSync(pgRestore, ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${url}`, file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pg_restore failed: ${run.stderr.trim()}`);
}
