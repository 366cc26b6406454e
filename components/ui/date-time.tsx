import { formatDateTime } from "@/lib/format";
import { html, type SafeHtml } from "@/lib/html";
import { Html } from "./html";

/** Two lines, time over date, in the viewer's time zone (from the tz cookie). The one markup of a date. */
export function dateTimeHtml(value: Date | string | null | undefined, timeZone: string): SafeHtml {
  const f = formatDateTime(value, timeZone);
  if (!f) return html`<span class="sr-only">Never</span>`;
  return html`<time dateTime="${typeof value === "string" ? value : value!.toISOString()}" class="dt"><span>${f.time}</span><span>${f.date}</span></time>`;
}

export function DateTime({ value, timeZone }: { value: Date | string | null | undefined; timeZone: string }) {
  return <Html value={dateTimeHtml(value, timeZone)} />;
}
