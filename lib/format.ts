// Dates display as the seed shows them: "12:08:58 PM" over "Tue 5 May, 2026", in the viewer's time zone.
// Intl is slow per call, so a zone is applied as an offset and the rest is arithmetic.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at that instant, in ms, from one numeric Intl format (cheap, cached formatter). */
function zoneOffsetMs(d: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    if (offsetFormatters.size < 500) offsetFormatters.set(timeZone, f);
  }
  const [m, day, y, h, min, s] = f.format(d).match(/\d+/g)!.map(Number);
  return Date.UTC(y, m - 1, day, h, min, s) - Math.floor(d.getTime() / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function formatDateTime(value: Date | string | null | undefined, timeZone = "UTC"): { time: string; date: string } | null {
  if (!value) return null;
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const tz = timeZone === "UTC" || !isValidTimeZone(timeZone) ? null : timeZone;
  // Shift into the zone, then read it with plain UTC arithmetic.
  const z = tz ? new Date(d.getTime() + zoneOffsetMs(d, tz)) : d;
  const h = z.getUTCHours();
  return {
    time: `${h % 12 || 12}:${pad(z.getUTCMinutes())}:${pad(z.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`,
    date: `${WEEKDAYS[z.getUTCDay()]} ${z.getUTCDate()} ${MONTHS[z.getUTCMonth()]}, ${z.getUTCFullYear()}`,
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
