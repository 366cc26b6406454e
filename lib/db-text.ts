import "server-only";
import { databaseProvider } from "./config";

/** Case-insensitive "contains" for small tables: SQLite's LIKE already is; PostgreSQL needs mode insensitive. */
export function containsText(q: string): { contains: string; mode?: "insensitive" } {
  return databaseProvider() === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q };
}
