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
import Database, { type Statement } from "better-sqlite3";
import pg from "pg";
import { databaseProvider, databaseUrl } from "./config";
import { db } from "./db";
import { Prisma } from "./generated/sqlite/client";

/** A statement, and how to read each column that needs converting (by name). */
type Prepared = { statement: Statement; convert: [string, (value: unknown) => unknown][] };
type Reader = { database: Database.Database; statements: Map<string, Prepared> };
const STATEMENTS_MAX = 500;
const globalForReader = globalThis as unknown as { __sqliteReader?: Reader; __postgresReader?: pg.Pool };

function postgresReader(): pg.Pool {
  // allowExitOnIdle: a script (seed, bench) ends without closing it; the server closes it at shutdown.
  return (globalForReader.__postgresReader ??= new pg.Pool({ connectionString: databaseUrl(), options: "-c default_transaction_read_only=on", allowExitOnIdle: true }));
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
  const { statement, convert } = prepared(reader, query.sql);
  const rows = statement.all(...query.values.map(sqliteArg)) as Record<string, unknown>[];
  for (const [name, f] of convert) for (const row of rows) row[name] = f(row[name]);
  return rows as T[];
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
  return readQuery<T>(Prisma.sql(strings, ...values));
}

async function readQuery<T>(query: Prisma.Sql): Promise<T[]> {
  if (databaseProvider() === "postgresql") {
    const result = await postgresReader().query({ text: query.text, values: query.values.map(postgresArg), types: postgresTypes as never });
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
