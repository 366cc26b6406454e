// Dates display as the seed shows them: "12:08:58 PM" over "Tue 5 May, 2026", in the viewer's time zone.
// Intl is slow per call, so a zone is applied as an offset and the rest is arithmetic.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at that instant, in ms, from one numeric Intl format (cached formatter, ~1.5 µs a call). */
function exactZoneOffsetMs(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    if (offsetFormatters.size < 500) offsetFormatters.set(timeZone, f);
  }
  const [m = 1, day = 1, y = 1970, h = 0, min = 0, s = 0] = f.format(ms).match(/\d+/g)!.map(Number);
  return Date.UTC(y, m - 1, day, h, min, s) - Math.floor(ms / 1000) * 1000;
}

const DAY_MS = 86_400_000;

// A 200-row grid formats 400 dates: Intl once a date was most of the page's formatting. A UTC day
// whose first and last second have the same offset has it throughout (no zone changes twice in a
// day), so it is kept; a day with a change asks Intl for every instant.
const dayOffsets = new Map<string, Map<number, number>>();
const DAYS_KEPT = 4000;
const ZONES_KEPT = 50;

function zoneOffsetMs(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY_MS);
  let days = dayOffsets.get(timeZone);
  const known = days?.get(day);
  if (known !== undefined) return known;
  const start = exactZoneOffsetMs(day * DAY_MS, timeZone);
  if (start !== exactZoneOffsetMs(day * DAY_MS + DAY_MS - 1000, timeZone)) return exactZoneOffsetMs(ms, timeZone);
  if (!days && dayOffsets.size < ZONES_KEPT) dayOffsets.set(timeZone, (days = new Map()));
  if (days && days.size < DAYS_KEPT) days.set(day, start);
  return start;
}

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Year, month (0-11) and day of a count of days since 1970-01-01 (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 2 : mp - 10;
  return [era * 400 + yoe + (month < 2 ? 1 : 0), month, day];
}

// Grids format hundreds of dates per page, so this works on milliseconds and never builds a Date.
export function formatDateTime(value: Date | string | null | undefined, timeZone = "UTC"): { time: string; date: string } | null {
  if (!value) return null;
  const utc = typeof value === "string" ? Date.parse(value) : value.getTime();
  if (Number.isNaN(utc)) return null;
  const tz = timeZone === "UTC" || !isValidTimeZone(timeZone) ? null : timeZone;
  // Shift into the zone, then read it with plain UTC arithmetic.
  const ms = tz ? utc + zoneOffsetMs(utc, tz) : utc;
  const days = Math.floor(ms / DAY_MS);
  const secondOfDay = Math.floor((ms - days * DAY_MS) / 1000);
  const h = Math.floor(secondOfDay / 3600);
  const [year, month, day] = civilFromDays(days);
  return {
    time: `${h % 12 || 12}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)} ${h < 12 ? "AM" : "PM"}`,
    date: `${WEEKDAYS[(((days + 4) % 7) + 7) % 7]} ${day} ${MONTHS[month]}, ${year}`,
  };
}

const validZones = new Map<string, boolean>();
export function isValidTimeZone(tz: string): boolean {
  let valid = validZones.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
    if (validZones.size < 1000) validZones.set(tz, valid);
  }
  return valid;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A wall-clock time typed in a form ("2026-12-24T09:30", datetime-local) in that zone, as an instant; null when not a time. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d) return null;
  const tz = timeZone === "UTC" || !isValidTimeZone(timeZone) ? null : timeZone;
  if (!tz) return new Date(wall);
  // The offset at the guess, then at the corrected instant (right across a DST change).
  const first = wall - zoneOffsetMs(wall, tz);
  return new Date(wall - zoneOffsetMs(first, tz));
}

/** The datetime-local value of an instant in that zone (the form's default). */
export function utcToZonedLocal(value: Date, timeZone: string): string {
  const tz = timeZone === "UTC" || !isValidTimeZone(timeZone) ? null : timeZone;
  const ms = value.getTime() + (tz ? zoneOffsetMs(value.getTime(), tz) : 0);
  return new Date(ms).toISOString().slice(0, 16);
}
