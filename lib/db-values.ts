// Values of raw queries, which the two databases give in different forms (pure; unit-tested).

/** A DATETIME read by a raw query: PostgreSQL gives a Date, SQLite text or epoch milliseconds. */
export function rawDate(value: Date | string | number | bigint): Date {
  if (value instanceof Date) return value;
  if (typeof value === "bigint") return new Date(Number(value));
  return new Date(value);
}

/** A write refused by a unique index (Prisma's P2002): someone else's row came first. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
