import { describe, expect, it } from "vitest";
import { escapeHtml, html, SafeHtml } from "@/lib/html";
import { unpackRows, type PackedRows } from "@/lib/grid";
import { BODY_CHARS, staticRowsHtml } from "@/components/ui/static-data-grid";

describe("html for grid cells", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const name = `<img src=x onerror="alert(1)">&'`;
    expect(html`<b title="${name}">${name}</b>`.value).toBe(`<b title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#x27;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#x27;</b>`);
    expect(escapeHtml("plain text stays")).toBe("plain text stays");
  });

  it("nests SafeHtml as markup, joins arrays and drops null, undefined and false", () => {
    const inner = html`<i>${"a<b"}</i>`;
    expect(html`<p>${inner}${[html`<br>`, "x&y"]}${null}${undefined}${false}${0}</p>`.value).toBe("<p><i>a&lt;b</i><br>x&amp;y0</p>");
  });

  it("treats a look-alike object as text, never as markup", () => {
    const fake = { value: "<script>", toString: () => "<script>" } as unknown as SafeHtml;
    expect(html`${fake}`.value).toBe("&lt;script&gt;");
  });
});

describe("packed grid rows", () => {
  it("unpack from arrays of values under one list of fields, written as one JSON string", () => {
    type Row = { id: string; name: string; count: number; at: string | null };
    const packed: PackedRows<Row> = { fields: ["id", "name", "count", "at"], values: `[["a","Ann",2,null],["b","Bo",0,"2026-05-05T12:08:58.000Z"]]` };
    expect(unpackRows(JSON.parse(JSON.stringify(packed)) as PackedRows<Row>)).toEqual([
      { id: "a", name: "Ann", count: 2, at: null },
      { id: "b", name: "Bo", count: 0, at: "2026-05-05T12:08:58.000Z" },
    ]);
    expect(unpackRows<Row>({ fields: packed.fields, values: "[]" })).toEqual([]);
  });
});

describe("the static grid's rows", () => {
  type Row = { id: string; name: string; n: number };
  const columns = [
    { key: "name", header: "Name", html: (r: Row) => html`<span class="main">${r.name}</span>` },
    { key: "n", header: "N", className: "num", html: (r: Row) => html`${r.n}` },
  ];
  const hostile = { id: `x"><script>`, name: `<img src=x onerror="alert(1)">`, n: 3 };
  const plain = { id: "p1", name: "Plain Name", n: 0 };

  it("escapes ids and labels everywhere they go, and writes the checkbox, open button and menu button", () => {
    const out = staticRowsHtml([hostile, plain], {
      columns,
      rowId: (r) => r.id,
      rowLabel: (r) => r.name,
      rowMenu: (r) => (r.n ? { label: `Actions for ${r.name}`, items: [] } : null),
      selectable: true,
      openButton: true,
    }).join("");
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    const label = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;";
    expect(out).toBe(
      `<tr data-row-id="x&quot;&gt;&lt;script&gt;"><td><input type="checkbox" aria-label="Select ${label}"></td>` +
        `<td><button type="button"><span class="main">${label}</span></button></td><td class="num">3</td>` +
        `<td class="actions"><button type="button" class="btn-icon dots" aria-label="Actions for ${label}" aria-haspopup="menu" aria-expanded="false" data-row-menu="">&#8942;</button></td></tr>` +
        `<tr data-row-id="p1"><td><input type="checkbox" aria-label="Select Plain Name"></td>` +
        `<td><button type="button"><span class="main">Plain Name</span></button></td><td class="num">0</td><td class="actions"></td></tr>`,
    );
  });

  it("keeps rows of Latin-1 text Latin-1, so the body stays a one-byte string (the menu's ⋮ is a reference)", () => {
    const out = staticRowsHtml([plain], { columns, rowId: (r) => r.id, rowLabel: (r) => r.name, rowMenu: () => ({ label: "Actions", items: [] }), selectable: true, openButton: true }).join("");
    expect(out).toContain("data-row-menu");
    expect(out).toMatch(/^[\x00-\xff]*$/);
  });

  it("leaves out what the grid does not have: selection, a row click, a menu column", () => {
    expect(staticRowsHtml([plain], { columns, rowId: (r) => r.id, rowLabel: (r) => r.name, selectable: false, openButton: false })).toEqual([
      `<tr data-row-id="p1"><td><span class="main">Plain Name</span></td><td class="num">0</td></tr>`,
    ]);
  });

  it("splits 200 long rows into bodies that each stay far below V8's large-object size, every row whole and in order", () => {
    const long = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, name: `${"Ünïcødé ".repeat(12)}${i}`, n: i }));
    const options = { columns, rowId: (r: Row) => r.id, rowLabel: (r: Row) => r.name, rowMenu: (r: Row) => ({ label: `Actions for ${r.name}`, items: [] }), selectable: true, openButton: true };
    const bodies = staticRowsHtml(long, options);
    expect(bodies.length).toBeGreaterThan(1);
    // Even at two bytes a character, every body stays under the 128 kB where V8's large objects start.
    for (const body of bodies) {
      expect(body.length).toBeLessThan(BODY_CHARS + 2_000);
      expect(body.length * 2).toBeLessThan(128 * 1024);
      expect(body).toMatch(/^<tr data-row-id="r\d+">.*<\/tr>$/);
    }
    expect(bodies.join("").match(/data-row-id="r\d+"/g)).toEqual(long.map((r) => `data-row-id="${r.id}"`));
    expect(bodies.join("")).toBe(long.map((r) => staticRowsHtml([r], options)[0]).join(""));
    expect(staticRowsHtml([], options)).toEqual([]);
  });
});
