import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseProvider, databaseUrl, POSTGRES_POOL_OPTIONS } from "./config";
import { SerializedSQLite } from "./sqlite-serialized";

// Both generated clients share one API (same models); the SQLite one names the type.
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(url = databaseUrl()): Db {
  if (databaseProvider(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, ...POSTGRES_POOL_OPTIONS }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new SerializedSQLite({ url }) });
}

const globalForDb = globalThis as unknown as { __db?: Db };
export const db: Db = globalForDb.__db ?? (globalForDb.__db = createDb());
