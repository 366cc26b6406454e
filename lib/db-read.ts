import "server-only";
// Plain reads that every page makes (the caller, the Installers grid), straight through the
// driver. Measured in the production server: a Prisma $queryRaw costs 0.3-1 ms on top of the
// statement (its query compiler in WebAssembly, the value serialization, dozens of promises under
// Next's async context); the statements themselves take 3-400 µs on SQLite.
//
// Only reads outside a transaction come here; inside one, use its `tx`. Values come back as
// Prisma's raw queries give them (tests/integration/db-serialization.test.ts compares): a column
// declared DATETIME, BOOLEAN or INTEGER as Date, boolean or number, a computed integer (COUNT) as
// bigint, a computed text as text; on PostgreSQL timestamps as Date and int8 as bigint.
//
// SQLite: a second connection, for reading only (query_only). It sees committed rows only, never
// those of a transaction open on the main connection (WAL lets it read while that one writes).
// It never waits for a lock: that wait would block the one thread that must release it, so a
// busy database sends the read through Prisma's serialized connection instead.
// PostgreSQL: a pool of its own whose sessions are read-only (default_transaction_read_only), so
// a statement that writes fails there too. NUMERIC comes as text (Prisma would give a Decimal).
import { createHash } from "node:crypto";
import Database, { type Statement } from "better-sqlite3";
import pg from "pg";
import { databaseProvider, databaseUrl, POSTGRES_POOL_OPTIONS } from "./config";
import { db } from "./db";
import { Prisma } from "./generated/sqlite/client";

/** A statement, and how to read each column that needs converting (by name). */
type Prepared = { statement: Statement; convert: [string, (value: unknown) => unknown][] };
type Reader = { database: Database.Database; statements: Map<string, Prepared> };
const STATEMENTS_MAX = 500;
const globalForReader = globalThis as unknown as { __sqliteReader?: Reader; __postgresReader?: pg.Pool };

/** The readers' connections name themselves so (pg_stat_activity's application_name). */
export const POSTGRES_READER_NAME = "dealer-portal reads";

function postgresReader(): pg.Pool {
  if (globalForReader.__postgresReader) return globalForReader.__postgresReader;
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    options: "-c default_transaction_read_only=on",
    application_name: POSTGRES_READER_NAME,
    ...POSTGRES_POOL_OPTIONS,
  });
  // The server ended an idle connection (a restart, a failover, an administrator): the pool drops
  // it and connects again when asked. Without a listener pg's 'error' event is thrown, an uncaught
  // exception in the server and the end of a script.
  pool.on("error", (e) => console.warn(`PostgreSQL ended an idle read connection: ${e.message}`));
  return (globalForReader.__postgresReader = pool);
}

/**
 * Whether an error says the connection was lost rather than that the statement failed: the server
 * ended it (57P01 administrator, 57P02 crash, class 08) or the socket closed. A read is run again
 * once on another connection then, so a failover or a restarted database costs the request nothing
 * when the server is back (the pool drops a connection that failed).
 */
export function connectionLost(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "ECONNRESET" || code === "EPIPE")) return true;
  return typeof message === "string" && /^Connection terminated/.test(message);
}

/** Closes the readers' connections (graceful shutdown, after the last request). */
export async function closeReaders(): Promise<void> {
  globalForReader.__sqliteReader?.database.close();
  globalForReader.__sqliteReader = undefined;
  const pool = globalForReader.__postgresReader;
  globalForReader.__postgresReader = undefined;
  await pool?.end();
}

function sqliteReader(): Reader | null {
  if (globalForReader.__sqliteReader) return globalForReader.__sqliteReader;
  try {
    const database = new Database(databaseUrl().replace(/^file:/, ""), { fileMustExist: true, timeout: 0 });
    // The same page cache as the main connection (lib/sqlite-serialized.ts); never a write.
    database.pragma("cache_size = -65536");
    database.pragma("temp_store = MEMORY");
    database.pragma("query_only = ON");
    return (globalForReader.__sqliteReader = { database, statements: new Map() });
  } catch {
    return null; // no database file yet (before the first migration): Prisma's connection reads
  }
}

const toNumber = (v: unknown) => (typeof v === "bigint" ? Number(v) : v);
const toBoolean = (v: unknown) => (v === null ? null : Boolean(Number(v)));
const toDate = (v: unknown) => (v === null ? null : new Date(typeof v === "string" ? v : Number(v)));

/** How Prisma's SQLite adapter and client read a column of this declared type (integers arrive as bigint). */
function converterFor(declaredType: string | null): ((value: unknown) => unknown) | null {
  switch (declaredType?.toUpperCase()) {
    case "TINYINT":
    case "SMALLINT":
    case "MEDIUMINT":
    case "INT":
    case "INTEGER":
    case "SERIAL":
    case "INT2":
    case "DECIMAL":
    case "FLOAT":
    case "DOUBLE":
    case "DOUBLE PRECISION":
    case "NUMERIC":
    case "REAL":
      return toNumber;
    case "BOOLEAN":
      return toBoolean;
    case "DATETIME":
    case "TIMESTAMP":
    case "DATE":
      return toDate;
    default:
      return null; // text, BIGINT, and computed columns: as they come (a computed integer is a bigint)
  }
}

function prepared(reader: Reader, sql: string): Prepared {
  let found = reader.statements.get(sql);
  if (!found) {
    const statement = reader.database.prepare(sql);
    if (!statement.reader) throw new Error("readRaw runs reads only");
    statement.safeIntegers(true);
    const convert: Prepared["convert"] = [];
    for (const column of statement.columns()) {
      const f = converterFor(column.type);
      if (f) convert.push([column.name, f]);
    }
    found = { statement, convert };
    if (reader.statements.size >= STATEMENTS_MAX) reader.statements.delete(reader.statements.keys().next().value!);
    reader.statements.set(sql, found);
  }
  return found;
}

function sqliteRows<T>(reader: Reader, query: Prisma.Sql): T[] {
  const args = query.values.map(sqliteArg);
  const { statement, convert } = prepared(reader, sqliteText(query.strings, args));
  const rows = statement.all(...args) as Record<string, unknown>[];
  for (const [name, f] of convert) for (const row of rows) row[name] = f(row[name]);
  return rows as T[];
}

/**
 * The statement's text, each text argument's placeholder written CAST(? AS TEXT), and an integer
 * bound as LIMIT or OFFSET written CAST(? AS INTEGER). better-sqlite3 builds SQLite with STAT4,
 * and once ANALYZE has sampled an index SQLite compiles a statement again on every run when a bound
 * value could change its plan: the caller's query, read on every page, took 65-105 µs instead of 15
 * on the benchmark's analyzed data set. SQLite 3.49's planner also reads a bound LIMIT, so the grid's
 * page (LIMIT ? OFFSET ?) was parsed and planned again on every request: 240-300 µs of the 15-row
 * page in the server, where caches are cold between requests (56 µs in a loop). Behind a CAST the
 * value is hidden from the planner, which plans with sqlite_stat1's averages (as without STAT4) once
 * for all runs. Nothing else changes: the value is text (an integer) already, a column's affinity
 * still applies to text in a comparison, and LIMIT and OFFSET take integers
 * (tests/integration/db-serialization.test.ts).
 */
export function sqliteText(strings: readonly string[], args: readonly unknown[]): string {
  let text = strings[0]!;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const placeholder = typeof arg === "string" ? "CAST(? AS TEXT)" : (typeof arg === "bigint" || Number.isInteger(arg)) && /\b(?:LIMIT|OFFSET)\s*$/i.test(strings[i]!) ? "CAST(? AS INTEGER)" : "?";
    text += placeholder + strings[i + 1]!;
  }
  return text;
}

/** Arguments as Prisma's SQLite adapter writes them: dates in its ISO form, booleans as 0/1. */
function sqliteArg(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/** Arguments as Prisma's PostgreSQL adapter writes them: timestamps in UTC without a zone. */
function postgresArg(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(postgresArg);
  return value ?? null;
}

const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
const postgresTypes = {
  getTypeParser: (oid: number, format?: string) => {
    // The schema's timestamps have no zone and hold UTC (pg alone would read them in local time).
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === DATE) return (text: string) => new Date(`${text}T00:00:00Z`);
    if (oid === INT8) return (text: string) => BigInt(text);
    return (pg.types.getTypeParser as (oid: number, format?: string) => (text: string) => unknown)(oid, format);
  },
};

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/** A read query, as `db.$queryRaw` takes it, outside any transaction. */
export async function readRaw<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]> {
  return readQuery<T>(Prisma.sql(strings, ...values), false);
}

/**
 * readRaw for a statement whose best plan is the same whatever the values: on PostgreSQL a
 * prepared statement, parsed once per connection, and after five runs planned once too when
 * PostgreSQL finds its generic plan no dearer (the caller's query; the grid's first page, whose LIMIT
 * is written into the statement: a deeper page, whose LIMIT and OFFSET are parameters, is still
 * planned each run). For lookups by key (the caller, a counter, a setting) and for a plain grid
 * page, an index walk whatever the page.
 * The caller's query, ten joins, was planned on every page: 0.9 ms of planning for 0.2 ms of
 * execution (1.3-1.9 ms a run unnamed, 0.3 ms prepared); preparing the grid page too took 0.15-0.2
 * ms of PostgreSQL's CPU off each Installers page. Not for a statement whose best plan depends on
 * the values, as a search's walk of the sort index does (how many match): PostgreSQL may keep a
 * generic plan for a prepared statement after five runs. A search's token seeks and counts, and
 * its page found by the index and sorted, are the same plan whatever the words, and prepared.
 * On SQLite every statement is prepared once anyway.
 */
export async function readPrepared<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]> {
  return readQuery<T>(Prisma.sql(strings, ...values), true);
}

const statementNames = new Map<string, string>();

/**
 * One name per statement text, as pg requires (a name bound to another text on a connection is an
 * error). Remembered: the texts are a few shapes, and hashing two of them cost every page ~40 µs.
 */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= 1000) statementNames.clear();
    name = `prepared_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
}

async function readQuery<T>(query: Prisma.Sql, prepare: boolean): Promise<T[]> {
  if (databaseProvider() === "postgresql") {
    const text = query.text;
    const run = () => postgresReader().query({ name: prepare ? statementName(text) : undefined, text, values: query.values.map(postgresArg), types: postgresTypes as never });
    let result: pg.QueryResult;
    try {
      result = await run();
    } catch (e) {
      if (!connectionLost(e)) throw e;
      result = await run();
    }
    return result.rows as T[];
  }
  const reader = sqliteReader();
  if (reader) {
    try {
      return sqliteRows<T>(reader, query);
    } catch (e) {
      if (!isBusy(e)) throw e;
    }
  }
  return db.$queryRaw<T[]>(query);
}
