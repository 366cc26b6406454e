// Values of raw queries, which the two databases give in different forms (pure; unit-tested).

/** A DATETIME read by a raw query: PostgreSQL gives a Date, SQLite text or epoch milliseconds. */
export function rawDate(value: Date | string | number | bigint): Date {
  if (value instanceof Date) return value;
  if (typeof value === "bigint") return new Date(Number(value));
  return new Date(value);
}

// How Prisma's SQLite adapter writes a DATETIME: "2026-12-01T10:00:00.000+00:00".
const STORED_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|\+00:00)$/;

/** The same instant as `toISOString()` gives it. A grid page formats hundreds: text in the stored UTC form is rewritten without building a Date. */
export function rawIsoDateTime(value: Date | string | number | bigint): string {
  if (typeof value === "string" && STORED_UTC.test(value)) return `${value.slice(0, 23)}Z`;
  return rawDate(value).toISOString();
}
