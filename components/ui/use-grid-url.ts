"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { gridQuery } from "@/lib/grid";

/** Reads and changes the grid state kept in the URL. */
export function useGridUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = Object.fromEntries(params.entries());
  const href = useCallback((changes: Record<string, string | number | undefined>) => `${pathname}${gridQuery(Object.fromEntries(params.entries()), changes)}`, [pathname, params]);
  const go = useCallback((changes: Record<string, string | number | undefined>) => router.push(href(changes), { scroll: false }), [router, href]);
  return { current, href, go };
}
