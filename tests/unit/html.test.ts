import { describe, expect, it } from "vitest";
import { escapeHtml, html, SafeHtml } from "@/lib/html";
import { packRows, unpackRows } from "@/lib/grid";

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
  it("round-trip through arrays of values under one list of fields, as one JSON string", () => {
    const rows = [
      { id: "a", name: "Ann", count: 2, at: null },
      { id: "b", name: "Bo", count: 0, at: "2026-05-05T12:08:58.000Z" },
    ];
    const packed = packRows(rows, ["id", "name", "count", "at"]);
    expect(typeof packed.values).toBe("string");
    expect(JSON.parse(packed.values)).toEqual([
      ["a", "Ann", 2, null],
      ["b", "Bo", 0, "2026-05-05T12:08:58.000Z"],
    ]);
    expect(unpackRows(JSON.parse(JSON.stringify(packed)))).toEqual(rows);
  });
});
