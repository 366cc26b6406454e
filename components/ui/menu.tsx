"use client";
// Accessible drop-down menu (Radix: roving focus, typeahead, Escape). It starts as a plain button
// and loads and mounts the Radix menu only when first opened (the button stays until it has
// loaded); the static data grid goes further and renders its row buttons as HTML, mounting this
// (defaultOpen) for the row whose menu was asked for.
import { useEffect, useState } from "react";
import type { RadixMenu as RadixMenuType } from "./menu-radix";

export type MenuItem = { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean };

/** Loads the Radix part of a menu once; every menu of the page shares it. */
export function useLoadedOnOpen<T>(load: () => Promise<T>, openAtOnce: boolean): [T | null, () => void] {
  const [loaded, setLoaded] = useState<T | null>(null);
  const open = () => void load().then((m) => setLoaded(() => m));
  useEffect(() => {
    if (openAtOnce) void load().then((m) => setLoaded(() => m));
    // Only on mount: a menu asked for open at once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [loaded, open];
}

/** `triggerClassName`: a labelled button (e.g. "Credentials ▾") instead of the icon button. */
export function Menu({
  label,
  items,
  trigger,
  triggerClassName,
  defaultOpen = false,
}: {
  label: string;
  items: MenuItem[];
  trigger?: React.ReactNode;
  triggerClassName?: string;
  defaultOpen?: boolean;
}) {
  const [RadixMenu, open] = useLoadedOnOpen<typeof RadixMenuType>(() => import("./menu-radix").then((m) => m.RadixMenu), defaultOpen);
  // Without a trigger of its own, the button shows the three-dots glyph (its name is the label).
  const icon = trigger ?? "⋮";
  const className = triggerClassName ?? (trigger ? "btn-icon" : "btn-icon dots");
  if (RadixMenu) return <RadixMenu label={label} items={items} icon={icon} className={className} />;
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={(e) => {
        e.stopPropagation();
        open();
      }}
    >
      {icon}
    </button>
  );
}
