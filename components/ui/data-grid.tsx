"use client";
// The one data grid: server-fetched rows, sortable headers that write the URL,
// optional row selection for bulk actions, row click and a row actions cell.
import Link from "next/link";
import type { SortDir } from "@/lib/grid";
import { useGridUrl } from "./use-grid-url";

export type Column<T> = {
  key: string;
  header: string;
  sortKey?: string;
  className?: string;
  cell: (row: T) => React.ReactNode;
};

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
  rowActions?: (row: T) => React.ReactNode;
  empty: React.ReactNode;
};

export function DataGrid<T>({ caption, columns, rows, rowId, rowLabel, sort, dir, selected, onSelectedChange, onRowClick, rowActions, empty }: DataGridProps<T>) {
  const { href } = useGridUrl();
  const selectable = !!selected && !!onSelectedChange;
  const ids = rows.map(rowId);
  const allSelected = selectable && ids.length > 0 && ids.every((id) => selected!.has(id));
  const someSelected = selectable && ids.some((id) => selected!.has(id));

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange!(next);
  }

  return (
    <div className="overflow-x-auto">
      <table className="data-grid">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select all on this page"
                  className="h-4 w-4"
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
            {rowActions ? (
              <th scope="col" className="w-12">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0) + (rowActions ? 1 : 0)} className="py-12 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const id = rowId(row);
              const isSelected = selectable && selected!.has(id);
              return (
                <tr
                  key={id}
                  data-row-id={id}
                  aria-selected={selectable ? isSelected : undefined}
                  className={onRowClick ? "clickable" : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                >
                  {selectable ? (
                    <td onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" className="h-4 w-4" aria-label={`Select ${rowLabel(row)}`} checked={isSelected} onChange={() => toggle(id)} />
                    </td>
                  ) : null}
                  {columns.map((c, i) => (
                    <td key={c.key} className={c.className}>
                      {i === 0 && onRowClick ? (
                        <button
                          type="button"
                          className="text-left"
                          aria-label={`Open ${rowLabel(row)}`}
                          onClick={(e) => {
                            e.stopPropagation();
                            onRowClick(row);
                          }}
                        >
                          {c.cell(row)}
                        </button>
                      ) : (
                        c.cell(row)
                      )}
                    </td>
                  ))}
                  {rowActions ? (
                    <td className="text-right" onClick={(e) => e.stopPropagation()}>
                      {rowActions(row)}
                    </td>
                  ) : null}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
