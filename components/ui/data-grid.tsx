"use client";
// The data grid: server-fetched rows, sortable headers that write the URL, optional row
// selection for bulk actions, a row click and a row actions cell. Cells are React nodes.
// A grid of up to 200 static rows that must render fast uses StaticDataGrid instead.
import type { SortDir } from "@/lib/grid";
import { Menu, type MenuItem } from "./menu";
import { useGridUrl } from "./use-grid-url";
import { useInAppLinks } from "./use-in-app-links";

export type Column<T> = {
  key: string;
  header: string;
  sortKey?: string;
  className?: string;
  cell: (row: T) => React.ReactNode;
};

export type RowMenu = { label: string; items: MenuItem[] };

/** What both grids share: the columns' headers, sorting and selection. */
export type GridProps<T> = {
  caption: string;
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
  empty: React.ReactNode;
};

type DataGridProps<T> = GridProps<T> & {
  columns: Column<T>[];
  /** Other row controls, instead of a menu. */
  rowActions?: (row: T) => React.ReactNode;
};

const stopPropagation = (e: React.SyntheticEvent) => e.stopPropagation();

export function DataGrid<T>(props: DataGridProps<T>) {
  const { columns, rows, rowId, rowLabel, selected, onSelectedChange, onRowClick, rowMenu, rowActions, empty } = props;
  const selectable = !!selected && !!onSelectedChange;
  const hasActions = !!rowMenu || !!rowActions;
  const toggle = (id: string) => onSelectedChange!(toggled(selected!, id));

  return (
    <div className="overflow-x-auto">
      <table className={onRowClick ? "data-grid clickable" : "data-grid"}>
        <caption className="sr-only">{props.caption}</caption>
        <GridHead {...props} headers={columns} hasActions={hasActions} />
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0) + (hasActions ? 1 : 0)} className="py-12 text-center text-slate-500 dark:text-slate-400">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const id = rowId(row);
              const menu = rowMenu?.(row);
              return (
                <tr key={id} data-row-id={id} data-selected={(selectable && selected!.has(id)) || undefined} onClick={onRowClick ? () => onRowClick(row) : undefined}>
                  {selectable ? (
                    <td onClick={stopPropagation}>
                      <input type="checkbox" aria-label={`Select ${rowLabel(row)}`} checked={selected!.has(id)} onChange={() => toggle(id)} />
                    </td>
                  ) : null}
                  {columns.map((c, i) => (
                    <td key={c.key} className={c.className}>
                      {i === 0 && onRowClick ? (
                        // Named by what it shows, as in the static grid (WCAG 2.5.3, label in name).
                        <button type="button">{c.cell(row)}</button>
                      ) : (
                        c.cell(row)
                      )}
                    </td>
                  ))}
                  {hasActions ? (
                    <td className="actions" onClick={stopPropagation}>
                      {rowActions ? rowActions(row) : menu ? <Menu label={menu.label} items={menu.items} /> : null}
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

export function toggled(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The header row: "select all on this page", sortable column headers that write the URL, the actions column. */
export function GridHead<T>({
  headers,
  hasActions,
  rows,
  rowId,
  sort,
  dir,
  selected,
  onSelectedChange,
}: GridProps<T> & { headers: { key: string; header: string; sortKey?: string; className?: string }[]; hasActions: boolean }) {
  const { href } = useGridUrl();
  const links = useInAppLinks({ scroll: false });
  const selectable = !!selected && !!onSelectedChange;
  const ids = rows.map(rowId);
  const allSelected = selectable && ids.length > 0 && ids.every((id) => selected!.has(id));
  const someSelected = selectable && ids.some((id) => selected!.has(id));
  return (
    <thead {...links}>
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
        {headers.map((c) => {
          const active = c.sortKey && sort === c.sortKey;
          const nextDir: SortDir = active && dir === "asc" ? "desc" : "asc";
          return (
            <th key={c.key} scope="col" className={c.className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
              {c.sortKey ? (
                <a href={href({ sort: c.sortKey, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white">
                  {c.header}
                  <span aria-hidden className={active ? "" : "opacity-30"}>
                    {active && dir === "desc" ? "▼" : "▲"}
                  </span>
                  <span className="sr-only">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                </a>
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
  );
}
