// Escaped HTML strings for the one place that renders thousands of static cells: the data grid.
// React's streaming server renderer pays for every element, attribute and text it writes (about
// 1 µs each); a 200-row grid is ~30,000 of them. A static cell built here is one write instead.
// Every interpolated value is escaped unless it is already SafeHtml, so nothing a user typed can
// become markup.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const UNSAFE = /[&<>"']/;
const UNSAFE_ALL = /[&<>"']/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Escapes text for element content and for double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ENTITY[c]!) : text;
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(part).join("");
  return escapeHtml(String(value));
}

/** html`<b>${name}</b>`: the template's own text is markup, every value is escaped. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}
