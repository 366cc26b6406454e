import { html, type SafeHtml } from "@/lib/html";
import { Html } from "./html";

/** A status badge's one markup; `tone` is a badge class of globals.css (or utility classes). */
export function badgeHtml(tone: string, label: string): SafeHtml {
  return html`<span class="badge ${tone}">${label}</span>`;
}

export function Badge({ tone, label }: { tone: string; label: string }) {
  return <Html value={badgeHtml(tone, label)} />;
}
