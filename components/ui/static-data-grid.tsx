"use client";
// The data grid for large pages of static rows (the Installers page shows up to 200).
// Why it exists, measured: React's streaming server renderer pays about 1 µs for every element,
// attribute and text it writes, and a 200-row page has ~30,000 of them. Here the body is one
// escaped HTML string (lib/html.ts), written once: selection never changes the string (an effect
// ticks the boxes, so nothing re-renders under the user's focus), one click handler on <tbody>
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
 * The body's rows as one HTML string. Written with plain concatenation (each value escaped once,
 * the row's label once for its three uses): 200 rows are 2,000 cells on every page load.
 */
export function staticRowsHtml<T>(
  rows: readonly T[],
  { columns, rowId, rowLabel, rowMenu, selectable, openButton }: Pick<GridProps<T>, "rowId" | "rowLabel" | "rowMenu"> & { columns: StaticColumn<T>[]; selectable: boolean; openButton: boolean },
): string {
  const starts = columns.map((c) => (c.className ? `<td class="${escapeHtml(c.className)}">` : "<td>"));
  let out = "";
  for (const row of rows) {
    const label = escapeHtml(rowLabel(row));
    out += `<tr data-row-id="${escapeHtml(rowId(row))}">`;
    if (selectable) out += `<td><input type="checkbox" aria-label="Select ${label}"></td>`;
    for (let i = 0; i < columns.length; i++) {
      const content = columns[i]!.html(row).value;
      out += starts[i] + (i === 0 && openButton ? `<button type="button" aria-label="Open ${label}">${content}</button>` : content) + "</td>";
    }
    if (rowMenu) {
      const menu = rowMenu(row);
      out += `<td class="actions">${menu ? menuButtonHtml(menu.label).value : ""}</td>`;
    }
    out += "</tr>";
  }
  return out;
}

export function StaticDataGrid<T>(props: GridProps<T> & { columns: StaticColumn<T>[] }) {
  const { columns, rows, rowId, rowLabel, selected, onSelectedChange, onRowClick, rowMenu, empty } = props;
  const selectable = !!selected && !!onSelectedChange;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // The row whose menu is open, in the body it was opened in: a new body replaces every cell.
  const [menuCell, setMenuCell] = useState<{ id: string; cell: Element; body: string } | null>(null);

  const bodyHtml = staticRowsHtml(rows, { columns, rowId, rowLabel, rowMenu, selectable, openButton: !!onRowClick });

  useLayoutEffect(() => {
    if (!bodyRef.current) return;
    for (const tr of bodyRef.current.rows) {
      const on = !!selected?.has(tr.dataset.rowId ?? "");
      tr.toggleAttribute("data-selected", on);
      const box = tr.querySelector<HTMLInputElement>("input[type=checkbox]");
      if (box) box.checked = on;
    }
  }, [bodyHtml, selected]);

  /** A click inside a row: its checkbox toggles, its menu button opens the menu, elsewhere (but the actions cell) opens the row. */
  function onBodyClick(e: React.MouseEvent) {
    const target = e.target as Element;
    const id = target.closest<HTMLElement>("tr[data-row-id]")?.dataset.rowId;
    const row = rows.find((r) => rowId(r) === id);
    if (id === undefined || row === undefined) return;
    if (target.closest("input[type=checkbox]")) {
      if (selectable) onSelectedChange!(toggled(selected!, id));
    } else if (target.closest("[data-row-menu]")) {
      setMenuCell({ id, cell: target.closest("td")!, body: bodyHtml });
    } else if (!target.closest("td.actions")) {
      onRowClick?.(row);
    }
  }

  const menuRow = menuCell && menuCell.body === bodyHtml ? rows.find((r) => rowId(r) === menuCell.id) : undefined;
  const menu = menuRow === undefined ? null : rowMenu?.(menuRow);

  return (
    <div className="overflow-x-auto">
      <table className={onRowClick ? "data-grid clickable" : "data-grid"}>
        <caption className="sr-only">{props.caption}</caption>
        <GridHead {...props} headers={columns} hasActions={!!rowMenu} />
        {rows.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0) + (rowMenu ? 1 : 0)} className="py-12 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          </tbody>
        ) : (
          <tbody ref={bodyRef} onClick={onBodyClick} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        )}
      </table>
      {menu && menuCell ? createPortal(<Menu key={menuCell.id} label={menu.label} items={menu.items} defaultOpen />, menuCell.cell) : null}
    </div>
  );
}
