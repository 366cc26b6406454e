import type { SafeHtml } from "@/lib/html";

/**
 * Escaped HTML (lib/html.ts) as a React node. Small pieces whose markup the static grid also needs
 * (dates, badges) are written once, as HTML, and shown through this elsewhere.
 */
export function Html({ value }: { value: SafeHtml }) {
  return <span className="contents" dangerouslySetInnerHTML={{ __html: value.value }} />;
}
