import { formatDateTime } from "@/lib/format";

/** Two lines, time over date, in the viewer's time zone (from the tz cookie). */
export function DateTime({ value, timeZone }: { value: Date | string | null | undefined; timeZone: string }) {
  const f = formatDateTime(value, timeZone);
  if (!f) return <span className="sr-only">Never</span>;
  const iso = (typeof value === "string" ? new Date(value) : value)!.toISOString();
  return (
    <time dateTime={iso} className="block leading-tight">
      <span className="block">{f.time}</span>
      <span className="block text-xs text-slate-500 dark:text-slate-400">{f.date}</span>
    </time>
  );
}
