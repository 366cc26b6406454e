// Dates display as the seed shows them: "12:08:58 PM" over "Tue 5 May, 2026", in the viewer's time zone.
export function formatDateTime(value: Date | string | null | undefined, timeZone = "UTC"): { time: string; date: string } | null {
  if (!value) return null;
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const tz = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit", hour12: true, timeZone: tz }).format(d);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: tz }).formatToParts(d).map((p) => [p.type, p.value]),
  );
  return { time, date: `${parts.weekday} ${parts.day} ${parts.month}, ${parts.year}` };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
