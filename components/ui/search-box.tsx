"use client";
import { useEffect, useRef, useState } from "react";
import { useGridUrl } from "./use-grid-url";

/** Search that writes `q` to the URL after a short pause, back to page 1. */
export function SearchBox({ label, placeholder }: { label: string; placeholder?: string }) {
  const { current, go } = useGridUrl();
  const [value, setValue] = useState(current.q ?? "");
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => go({ q: value.trim() || undefined, page: 1 }), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return <input type="search" aria-label={label} placeholder={placeholder ?? label} className="input max-w-xs" value={value} maxLength={100} onChange={(e) => setValue(e.target.value)} />;
}
