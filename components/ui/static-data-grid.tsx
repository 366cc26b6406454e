"use client";
// The data grid for large pages of static rows (the Installers page shows up to 200).
// Why it exists, measured: React's streaming server renderer pays about 1 µs for every element,
// attribute and text it writes, and a 200-row page has ~30,000 of them. Here the body is one
// escaped HTML string per <tbody> (lib/html.ts), written once: selection never changes the strings
// (an effect ticks the boxes, so nothing re-renders under the user's focus), one click handler
// serves every row, and the row's Radix menu is mounted through a portal only in the row whose
// plain button was pressed. Header, sorting and selection are DataGrid's.
import { useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { escapeHtml, html, type SafeHtml } from "@/lib/html";
import { GridHead, toggled, type GridProps } from "./data-grid";
import { Menu } from "./menu";

export type StaticColumn<T> = {
  key: string;
  header: string;
  sortKey?: string;
  className?: string;
  /** The cell as escaped HTML. */
  html: (row: T) => SafeHtml;
};

/**
 * The markup of Menu's unopened button, with the attribute the grid listens for. Its "⋮" is written
 * as a character reference: one character outside Latin-1 makes the whole body a two-byte string,
 * and 200 rows of it then cost 0.44-0.54 ms to build and encode instead of 0.18 ms.
 */
function menuButtonHtml(label: string): SafeHtml {
  return html`<button type="button" class="btn-icon dots" aria-label="${label}" aria-haspopup="menu" aria-expanded="false" data-row-menu="">&#8942;</button>`;
}

/**
 * Rows go into bodies (a table may have several <tbody>) of about this many characters each. V8
 * puts a string over 128 kB among its large objects, and the first write of a concatenated string
 * that size (200 rows are ~160 kB) cost ~0.6 ms, against ~0.08 ms for the same markup in bodies
 * under the limit. Rows are short (names, emails and phones have length limits), so a body ends
 * well below it, two-byte text included.
 */
export const BODY_CHARS = 32_768;

/**
 * The body's rows as HTML strings, one per <tbody> of about BODY_CHARS characters. Written with
 * plain concatenation (each value escaped once): 200 rows
 * are 2,000 cells on every page load.
 */
export function staticRowsHtml<T>(
  rows: readonly T[],
  { columns, rowId, rowLabel, rowMenu, selectable, openButton }: Pick<GridProps<T>, "rowId" | "rowLabel" | "rowMenu"> & { columns: StaticColumn<T>[]; selectable: boolean; openButton: boolean },
): string[] {
  const starts = columns.map((c) => (c.className ? `<td class="${escapeHtml(c.className)}">` : "<td>"));
  const bodies: string[] = [];
  let out = "";
  for (const row of rows) {
    out += `<tr data-row-id="${escapeHtml(rowId(row))}">`;
    if (selectable) out += `<td><input type="checkbox" aria-label="Select ${escapeHtml(rowLabel(row))}"></td>`;
    for (let i = 0; i < columns.length; i++) {
      const content = columns[i]!.html(row).value;
      // Named by what it shows (WCAG 2.5.3, label in name): "Liam Smith liam.smith@…", as a voice user reads it.
      out += starts[i] + (i === 0 && openButton ? `<button type="button">${content}</button>` : content) + "</td>";
    }
    if (rowMenu) {
      const menu = rowMenu(row);
      out += `<td class="actions">${menu ? menuButtonHtml(menu.label).value : ""}</td>`;
    }
    out += "</tr>";
    if (out.length >= BODY_CHARS) {
      bodies.push(out);
      out = "";
    }
  }
  if (out) bodies.push(out);
  return bodies;
}

/** Whether two renders wrote the same bodies (then the cells in the page are still the ones a menu was opened in). */
function sameBodies(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

export function StaticDataGrid<T>(props: GridProps<T> & { columns: StaticColumn<T>[] }) {
  const { columns, rows, rowId, rowLabel, selected, onSelectedChange, onRowClick, rowMenu, empty } = props;
  const selectable = !!selected && !!onSelectedChange;
  const tableRef = useRef<HTMLTableElement>(null);
  // The row whose menu is open, in the bodies it was opened in: new bodies replace every cell.
  const [menuCell, setMenuCell] = useState<{ id: string; cell: Element; bodies: string[] } | null>(null);

  const bodies = staticRowsHtml(rows, { columns, rowId, rowLabel, rowMenu, selectable, openButton: !!onRowClick });

  // After every render: a render with new bodies has new boxes to tick (cheap: one pass over the rows).
  useLayoutEffect(() => {
    if (!tableRef.current) return;
    for (const tr of tableRef.current.querySelectorAll<HTMLTableRowElement>("tbody > tr[data-row-id]")) {
      const on = !!selected?.has(tr.dataset.rowId ?? "");
      tr.toggleAttribute("data-selected", on);
      const box = tr.querySelector<HTMLInputElement>("input[type=checkbox]");
      if (box) box.checked = on;
    }
  });

  /** A click inside a row: its checkbox toggles, its menu button opens the menu, elsewhere (but the actions cell) opens the row. */
  function onBodyClick(e: React.MouseEvent) {
    const target = e.target as Element;
    const id = target.closest<HTMLElement>("tr[data-row-id]")?.dataset.rowId;
    const row = rows.find((r) => rowId(r) === id);
    if (id === undefined || row === undefined) return;
    if (target.closest("input[type=checkbox]")) {
      if (selectable) onSelectedChange!(toggled(selected!, id));
    } else if (target.closest("[data-row-menu]")) {
      setMenuCell({ id, cell: target.closest("td")!, bodies });
    } else if (!target.closest("td.actions")) {
      onRowClick?.(row);
    }
  }

  const menuRow = menuCell && sameBodies(menuCell.bodies, bodies) ? rows.find((r) => rowId(r) === menuCell.id) : undefined;
  const menu = menuRow === undefined ? null : rowMenu?.(menuRow);

  return (
    <div className="overflow-x-auto">
      <table ref={tableRef} className={onRowClick ? "data-grid clickable" : "data-grid"}>
        <caption className="sr-only">{props.caption}</caption>
        <GridHead {...props} headers={columns} hasActions={!!rowMenu} />
        {rows.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0) + (rowMenu ? 1 : 0)} className="py-12 text-center text-slate-500 dark:text-slate-400">
                {empty}
              </td>
            </tr>
          </tbody>
        ) : (
          bodies.map((body, i) => <tbody key={i} onClick={onBodyClick} dangerouslySetInnerHTML={{ __html: body }} />)
        )}
      </table>
      {menu && menuCell ? createPortal(<Menu key={menuCell.id} label={menu.label} items={menu.items} defaultOpen />, menuCell.cell) : null}
    </div>
  );
}
