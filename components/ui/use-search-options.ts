"use client";
// The options of a form field that searches on the server as the user types (Assign panel,
// SearchedSelect): the first set at once, then each search 250 ms after the last key; an answer
// overtaken by a later search is dropped. `options` is null until the first answer.
import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

export function useSearchOptions<T>(search: (q: string) => Promise<ActionResult<T[]>>, q: string): { options: T[] | null; loadError: string | null } {
  const [options, setOptions] = useState<T[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const t = setTimeout(
      async () => {
        const r = await search(q);
        if (!live) return;
        if (r.ok) {
          setOptions(r.data ?? []);
          setLoadError(null);
        } else setLoadError(r.error);
      },
      q ? 250 : 0,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q, search]);
  return { options, loadError };
}
