"use client";
import { PAGE_SIZES, rangeLabel } from "@/lib/grid";
import { useGridUrl } from "./use-grid-url";
import { useInAppLinks } from "./use-in-app-links";

/**
 * Previous/next arrows, the range indicator ("1-15 of 25") and the per-page selector. `more`: the
 * total was counted only up to `total` and more rows follow (a long audit log).
 */
export function Pagination({ total, page, size, sizeLabel, more = false }: { total: number; page: number; size: number; sizeLabel: string; more?: boolean }) {
  const { href, go } = useGridUrl();
  const links = useInAppLinks({ scroll: false });
  const last = more ? Infinity : Math.max(1, Math.ceil(total / size));
  const arrow = "btn-icon aria-disabled:pointer-events-none aria-disabled:opacity-40";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
      <div className="flex items-center gap-2" {...links}>
        <a href={href({ page: page - 1 })} className={arrow} aria-label="Previous page" aria-disabled={page <= 1} tabIndex={page <= 1 ? -1 : undefined}>
          ‹
        </a>
        <span data-testid="range-indicator" aria-live="polite">
          {rangeLabel(page, size, total, more)}
        </span>
        <a href={href({ page: page + 1 })} className={arrow} aria-label="Next page" aria-disabled={page >= last} tabIndex={page >= last ? -1 : undefined}>
          ›
        </a>
      </div>
      <label className="flex items-center gap-2">
        <span>{sizeLabel}</span>
        <select className="input w-auto py-1" value={size} onChange={(e) => go({ size: e.target.value, page: 1 })}>
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
