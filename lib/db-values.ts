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

/**
 * For `.catch` on a change whose value a unique index guards, after a check that refuses it: the
 * same value written by another request meanwhile is refused with `refusal`, as the check would
 * have, rather than failing as an unexpected error.
 */
export function takenMeanwhile(refusal: Error): (e: unknown) => never {
  return (e) => {
    throw isUniqueViolation(e) ? refusal : e;
  };
}
