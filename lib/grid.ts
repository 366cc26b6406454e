// Grid state lives in the URL: page, size, q, sort, dir. Parsing is strict: anything
// unknown falls back to the default, so a hand-edited URL never breaks a page.
export const PAGE_SIZES = [10, 15, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 15;
export const MAX_SEARCH_LENGTH = 100;

export type SortDir = "asc" | "desc";
export type GridState<S extends string> = { page: number; size: number; q: string; sort: S; dir: SortDir };
export type SearchParams = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function parseGridState<S extends string>(params: SearchParams, options: { sorts: readonly S[]; defaultSort: S; defaultDir: SortDir }): GridState<S> {
  const size = Number(first(params.size));
  const page = Math.floor(Number(first(params.page)));
  const sort = first(params.sort) as S | undefined;
  const dir = first(params.dir);
  return {
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 1_000_000) : 1,
    q: (first(params.q) ?? "").trim().slice(0, MAX_SEARCH_LENGTH),
    sort: sort && options.sorts.includes(sort) ? sort : options.defaultSort,
    dir: dir === "asc" || dir === "desc" ? dir : sort && options.sorts.includes(sort) ? "asc" : options.defaultDir,
  };
}

/** The page actually shown: a page past the end shows the last page. */
export function clampPage(page: number, size: number, total: number): number {
  const last = Math.max(1, Math.ceil(total / size));
  return Math.min(Math.max(1, page), last);
}

/** "1-15 of 25"; "0 of 0" when empty; "1-15 of more than 10000" when the total was counted only that far. */
export function rangeLabel(page: number, size: number, total: number, more = false): string {
  if (total === 0) return "0 of 0";
  const from = (page - 1) * size + 1;
  return `${from}-${Math.min(page * size, total)} of ${more ? "more than " : ""}${total}`;
}

/** Builds a URL query from the current one with changes; default values are left out. */
export function gridQuery(current: Record<string, string | undefined>, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...current, ...changes })) {
    if (v === undefined || v === "") continue;
    if (k === "page" && String(v) === "1") continue;
    if (k === "size" && String(v) === String(DEFAULT_PAGE_SIZE)) continue;
    next.set(k, String(v));
  }
  const s = next.toString();
  return s ? `?${s}` : "";
}

/**
 * Grid rows cross from server to browser as arrays of values under one list of field names (a
 * page of 200 rows is then about half the bytes of 200 objects repeating every key), written as
 * one JSON string: React's payload then carries one value instead of 1,600, each of which it
 * would walk on the server and revive in the browser one by one. The database writes the string
 * (lib/installers/queries.ts, rowsJson).
 */
export type PackedRows<T> = { fields: readonly (keyof T & string)[]; values: string };

export function unpackRows<T>({ fields, values }: PackedRows<T>): T[] {
  return (JSON.parse(values) as unknown[][]).map((v) => {
    const row: Record<string, unknown> = {};
    fields.forEach((field, i) => (row[field] = v[i]));
    return row as T;
  });
}

/** A page of a grid as every list screen receives it: its state, the rows shown, and the total. */
export type GridPage<R, S extends string = string> = GridState<S> & { rows: R[]; total: number };

/**
 * The one way a list query pages: count what matches, clamp the requested page to the last one,
 * then read that page's window. The count comes first so a page past the end shows the last page.
 */
export async function paginate<R, S extends string>(
  grid: GridState<S>,
  query: { count: () => Promise<number>; rows: (window: { skip: number; take: number }) => Promise<R[]> },
): Promise<GridPage<R, S>> {
  const total = await query.count();
  const page = clampPage(grid.page, grid.size, total);
  const rows = await query.rows({ skip: (page - 1) * grid.size, take: grid.size });
  return { ...grid, page, total, rows };
}
