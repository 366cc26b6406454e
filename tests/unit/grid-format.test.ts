import { describe, expect, it } from "vitest";
import { clampPage, gridQuery, parseGridState, rangeLabel } from "@/lib/grid";
import { formatDateTime } from "@/lib/format";
import { isValidImei, makeImei } from "@/lib/panels/rules";

const opts = { sorts: ["name", "created"] as const, defaultSort: "created" as const, defaultDir: "desc" as const };

describe("grid state in the URL", () => {
  it("defaults to page 1, 15 per page, newest first", () => {
    expect(parseGridState({}, opts)).toEqual({ page: 1, size: 15, q: "", sort: "created", dir: "desc" });
  });
  it("reads page, size, q, sort and dir", () => {
    expect(parseGridState({ q: " smith ", size: "50", page: "2", sort: "name", dir: "asc" }, opts)).toEqual({ page: 2, size: 50, q: "smith", sort: "name", dir: "asc" });
  });
  it("ignores values it does not know", () => {
    expect(parseGridState({ size: "17", page: "-3", sort: "password", dir: "sideways" }, opts)).toEqual({ page: 1, size: 15, q: "", sort: "created", dir: "desc" });
  });
  it("shows ranges like the seed", () => {
    expect(rangeLabel(1, 15, 25)).toBe("1-15 of 25");
    expect(rangeLabel(2, 15, 25)).toBe("16-25 of 25");
    expect(rangeLabel(1, 50, 10_000, true)).toBe("1-50 of more than 10000");
    expect(rangeLabel(200, 50, 10_000, true)).toBe("9951-10000 of more than 10000");
    expect(rangeLabel(1, 15, 0)).toBe("0 of 0");
    expect(clampPage(9, 15, 25)).toBe(2);
  });
  it("leaves defaults out of links", () => {
    expect(gridQuery({ q: "x", size: "15" }, { page: 1 })).toBe("?q=x");
    expect(gridQuery({}, { page: 3, size: 50 })).toBe("?page=3&size=50");
  });
});

describe("dates", () => {
  it("look like 12:08:58 PM over Tue 5 May, 2026 in the viewer's time zone", () => {
    expect(formatDateTime(new Date("2026-05-05T12:08:58Z"), "UTC")).toEqual({ time: "12:08:58 PM", date: "Tue 5 May, 2026" });
    expect(formatDateTime(new Date("2026-05-05T12:08:58Z"), "America/New_York")).toEqual({ time: "8:08:58 AM", date: "Tue 5 May, 2026" });
    expect(formatDateTime(null)).toBeNull();
  });
  it("match Intl in every zone, across daylight-saving changes and odd offsets", () => {
    const reference = (d: Date, tz: string) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: tz }).formatToParts(d).map((x) => [x.type, x.value]),
      );
      const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit", hour12: true, timeZone: tz }).format(d).replace(/\u202f/g, " ");
      return { time, date: `${p.weekday} ${p.day} ${p.month === "Sept" ? "Sep" : p.month}, ${p.year}` };
    };
    for (const tz of ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"]) {
      for (let i = 0; i < 400; i++) {
        const d = new Date(Date.UTC(2026, 0, 1) + i * 22 * 3600 * 1000 + i * 7919);
        expect(formatDateTime(d, tz), `${tz} ${d.toISOString()}`).toEqual(reference(d, tz));
      }
    }
    // Around each change of offset, instants minutes apart, after the days around it were seen once
    // (a day with a change is never kept as one offset).
    for (const tz of ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"]) {
      const zone = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" });
      const offsetAt = (ms: number) => zone.formatToParts(ms).find((p) => p.type === "timeZoneName")!.value;
      let changes = 0;
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        if (offsetAt(day) === offsetAt(day + 86_400_000 - 1000)) continue;
        changes++;
        for (const near of [day - 86_400_000, day, day + 86_400_000]) formatDateTime(new Date(near + 43_200_000), tz);
        for (let ms = day - 3_600_000; ms < day + 86_400_000 + 3_600_000; ms += 7 * 60_000 + 13_000) {
          expect(formatDateTime(new Date(ms), tz), `${tz} ${new Date(ms).toISOString()}`).toEqual(reference(new Date(ms), tz));
        }
      }
      expect(changes, tz).toBe(tz === "Asia/Kathmandu" ? 0 : 2);
    }
    // Calendar arithmetic far from today: before 1970, leap days, centuries.
    for (let i = 0; i < 2000; i++) {
      const d = new Date(Date.UTC(1890, 0, 1) + i * 26 * 86_400_000 * 3 + i * 3_600_007);
      expect(formatDateTime(d, "UTC"), d.toISOString()).toEqual(reference(d, "UTC"));
      expect(formatDateTime(d.toISOString(), "UTC")).toEqual(reference(d, "UTC"));
    }
    expect(formatDateTime("2000-02-29T23:59:59Z")).toEqual({ time: "11:59:59 PM", date: "Tue 29 Feb, 2000" });
    expect(formatDateTime("not a date")).toBeNull();
    expect(formatDateTime(new Date("2026-05-05T12:08:58Z"), "Not/AZone")).toEqual({ time: "12:08:58 PM", date: "Tue 5 May, 2026" });
  });
});

describe("IMEI", () => {
  it("has 15 digits with a Luhn check digit", () => {
    expect(isValidImei("490154203237518")).toBe(true);
    expect(isValidImei("490154203237519")).toBe(false);
    expect(isValidImei(makeImei("35693803100000"))).toBe(true);
  });
});
