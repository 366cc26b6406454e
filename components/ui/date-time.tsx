import { formatDateTime } from "@/lib/format";

/** Two lines, time over date, in the viewer's time zone (from the tz cookie). */
export function DateTime({ value, timeZone }: { value: Date | string | null | undefined; timeZone: string }) {
  const f = formatDateTime(value, timeZone);
  if (!f) return <span className="sr-only">Never</span>;
  const iso = (typeof value === "string" ? new Date(value) : value)!.toISOString();
  return (
    <time dateTime={iso} className="dt">
      <span>{f.time}</span>
      <span>{f.date}</span>
    </time>
  );
}
