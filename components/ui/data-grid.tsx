"use client";
// The one data grid: server-fetched rows, sortable headers that write the URL,
// optional row selection for bulk actions, row click and a row actions cell.
//
// Cells are React nodes (`cell`) or escaped HTML (`html`, built with lib/html.ts). React's streaming
// server renderer pays about 1 µs for every element, attribute and text it writes, and a 200-row
// page has tens of thousands of them. Row menus are a plain HTML button per row; the real menu
// (Radix) is mounted only for the row whose button was pressed. Clicks inside HTML bubble to one
// handler, so native buttons and checkboxes work by mouse and keyboard as React ones would.
// When every column is HTML, the whole body is one HTML string: React writes it once and rewrites
// it only when the string changes, which selection never does (an effect checks the boxes), so
// nothing is re-rendered under the user's focus; the menu then mounts through a portal.
import Link from "next/link";
import { useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { SortDir } from "@/lib/grid";
import { html, type SafeHtml } from "@/lib/html";
import { Menu, type MenuItem } from "./menu";
import { useGridUrl } from "./use-grid-url";

export type Column<T> = {
  key: string;
  header: string;
  sortKey?: string;
  className?: string;
  /** The cell as React nodes… */
  cell?: (row: T) => React.ReactNode;
  /** …or as escaped HTML, for static content (one of the two). */
  html?: (row: T) => SafeHtml;
};

export type RowMenu = { label: string; items: MenuItem[] };

type DataGridProps<T> = {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowId: (row: T) => string;
  rowLabel: (row: T) => string;
  sort?: string;
  dir?: SortDir;
  selected?: ReadonlySet<string>;
  onSelectedChange?: (next: Set<string>) => void;
  onRowClick?: (row: T) => void;
  /** The row's three-dots menu; null for a row without actions. */
  rowMenu?: (row: T) => RowMenu | null;
  /** Other row controls, as React nodes (rendered for every row: prefer rowMenu). */
  rowActions?: (row: T) => React.ReactNode;
  empty: React.ReactNode;
};

/** The markup of Menu's unopened button, with the attribute the grid listens for. */
function menuButtonHtml(label: string): SafeHtml {
  return html`<button type="button" class="btn-icon dots" aria-label="${label}" aria-haspopup="menu" aria-expanded="false" data-row-menu="">⋮</button>`;
}

const stopPropagation = (e: React.SyntheticEvent) => e.stopPropagation();

export function DataGrid<T>({ caption, columns, rows, rowId, rowLabel, sort, dir, selected, onSelectedChange, onRowClick, rowMenu, rowActions, empty }: DataGridProps<T>) {
  const { href } = useGridUrl();
  // The row whose real menu is mounted; it stays mounted after closing so focus can return to it.
  const [menuRow, setMenuRow] = useState<string | null>(null);
  const selectable = !!selected && !!onSelectedChange;
  const ids = rows.map(rowId);
  const allSelected = selectable && ids.length > 0 && ids.every((id) => selected!.has(id));
  const someSelected = selectable && ids.some((id) => selected!.has(id));
  const hasActions = !!rowMenu || !!rowActions;

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange!(next);
  }

  /** A click inside a row: its checkbox toggles, its menu button opens the menu, elsewhere (but the actions cell) opens the row. */
  function clickInRow(target: Element, row: T, id: string, openMenu: (cell: Element) => void) {
    if (target.closest("input[type=checkbox]")) {
      if (selectable) toggle(id);
    } else if (target.closest("[data-row-menu]")) {
      openMenu(target.closest("td")!);
    } else if (!target.closest("td.actions")) {
      onRowClick?.(row);
    }
  }

  function actionsCell(row: T, id: string) {
    if (rowActions) {
      return (
        <td className="actions" onClick={stopPropagation}>
          {rowActions(row)}
        </td>
      );
    }
    const menu = rowMenu!(row);
    if (!menu) return <td className="actions" />;
    // Different keys: the cell is replaced, never patched from HTML to React children.
    return menuRow === id ? (
      <td key="menu" className="actions" onClick={stopPropagation}>
        <Menu label={menu.label} items={menu.items} defaultOpen />
      </td>
    ) : (
      <td key="button" className="actions" dangerouslySetInnerHTML={{ __html: menuButtonHtml(menu.label).value }} />
    );
  }

  /** An HTML column's content; in the first column, inside the button that opens the row. */
  function cellHtml(c: Column<T>, first: boolean, row: T): SafeHtml {
    const content = c.html!(row);
    return first && onRowClick ? html`<button type="button" aria-label="Open ${rowLabel(row)}">${content}</button>` : content;
  }

  function cell(c: Column<T>, first: boolean, row: T) {
    if (c.html) return <td key={c.key} className={c.className} dangerouslySetInnerHTML={{ __html: cellHtml(c, first, row).value }} />;
    return (
      <td key={c.key} className={c.className}>
        {first && onRowClick ? (
          <button type="button" aria-label={`Open ${rowLabel(row)}`}>
            {c.cell!(row)}
          </button>
        ) : (
          c.cell!(row)
        )}
      </td>
    );
  }

  // The all-HTML body.
  const htmlBody = rows.length > 0 && !rowActions && columns.every((c) => c.html);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [menuCell, setMenuCell] = useState<{ id: string; cell: Element; body: string } | null>(null);
  const bodyHtml = htmlBody ? rows.map((row) => rowHtml(row).value).join("") : "";

  function rowHtml(row: T): SafeHtml {
    const label = rowLabel(row);
    const menu = rowMenu?.(row);
    const cells = columns.map((c, i) => (c.className ? html`<td class="${c.className}">${cellHtml(c, i === 0, row)}</td>` : html`<td>${cellHtml(c, i === 0, row)}</td>`));
    const box = selectable ? html`<td><input type="checkbox" aria-label="Select ${label}"></td>` : "";
    const actions = rowMenu ? html`<td class="actions">${menu ? menuButtonHtml(menu.label) : ""}</td>` : "";
    return html`<tr data-row-id="${rowId(row)}">${box}${cells}${actions}</tr>`;
  }

  useLayoutEffect(() => {
    if (!htmlBody || !bodyRef.current) return;
    for (const tr of bodyRef.current.rows) {
      const on = !!selected?.has(tr.dataset.rowId ?? "");
      tr.toggleAttribute("data-selected", on);
      const box = tr.querySelector<HTMLInputElement>("input[type=checkbox]");
      if (box) box.checked = on;
    }
  }, [htmlBody, bodyHtml, selected]);

  function onBodyClick(e: React.MouseEvent) {
    const target = e.target as Element;
    const id = target.closest<HTMLElement>("tr[data-row-id]")?.dataset.rowId;
    const row = rows.find((r) => rowId(r) === id);
    if (id !== undefined && row !== undefined) clickInRow(target, row, id, (cell) => setMenuCell({ id, cell, body: bodyHtml }));
  }
  // A new body replaces every cell: a menu opened in the old one goes with it.
  const menuRowData = menuCell && menuCell.body === bodyHtml ? rows.find((r) => rowId(r) === menuCell.id) : undefined;
  const portalMenu = menuRowData === undefined ? null : rowMenu?.(menuRowData);

  return (
    <div className="overflow-x-auto">
      <table className={onRowClick ? "data-grid clickable" : "data-grid"}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select all on this page"
                  checked={allSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = someSelected && !allSelected;
                  }}
                  onChange={() => onSelectedChange!(allSelected ? new Set() : new Set(ids))}
                />
              </th>
            ) : null}
            {columns.map((c) => {
              const active = c.sortKey && sort === c.sortKey;
              const nextDir: SortDir = active && dir === "asc" ? "desc" : "asc";
              return (
                <th key={c.key} scope="col" className={c.className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                  {c.sortKey ? (
                    <Link href={href({ sort: c.sortKey, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white" scroll={false}>
                      {c.header}
                      <span aria-hidden className={active ? "" : "opacity-30"}>
                        {active && dir === "desc" ? "▼" : "▲"}
                      </span>
                      <span className="sr-only">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                    </Link>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
            {hasActions ? (
              <th scope="col" className="w-12">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        {htmlBody ? (
          <tbody ref={bodyRef} onClick={onBodyClick} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        ) : (
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length + (selectable ? 1 : 0) + (hasActions ? 1 : 0)} className="py-12 text-center text-slate-500">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row, r) => {
                const id = ids[r];
                return (
                  <tr key={id} data-row-id={id} data-selected={(selectable && selected!.has(id)) || undefined} onClick={onRowClick || rowMenu ? (e) => clickInRow(e.target as Element, row, id, () => setMenuRow(id)) : undefined}>
                    {selectable ? (
                      <td onClick={stopPropagation}>
                        <input type="checkbox" aria-label={`Select ${rowLabel(row)}`} checked={selected!.has(id)} onChange={() => toggle(id)} />
                      </td>
                    ) : null}
                    {columns.map((c, i) => cell(c, i === 0, row))}
                    {hasActions ? actionsCell(row, id) : null}
                  </tr>
                );
              })
            )}
          </tbody>
        )}
      </table>
      {portalMenu && menuCell ? createPortal(<Menu key={menuCell.id} label={portalMenu.label} items={portalMenu.items} defaultOpen />, menuCell.cell) : null}
    </div>
  );
}
