"use client";
// Accessible drop-down menu (Radix: roving focus, typeahead, Escape). It starts as a plain button
// and mounts the Radix menu only when first opened; the static data grid goes further and renders
// its row buttons as HTML, mounting this (defaultOpen) for the row whose menu was asked for.
import * as Dropdown from "@radix-ui/react-dropdown-menu";
import { useState } from "react";

export type MenuItem = { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean };

export function Menu({ label, items, trigger, defaultOpen = false }: { label: string; items: MenuItem[]; trigger?: React.ReactNode; defaultOpen?: boolean }) {
  const [mounted, setMounted] = useState(defaultOpen);
  const [open, setOpen] = useState(defaultOpen);
  // Without a trigger of its own, the button shows the three-dots glyph (its name is the label).
  const icon = trigger ?? "⋮";
  const className = trigger ? "btn-icon" : "btn-icon dots";
  if (!mounted) {
    return (
      <button
        type="button"
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        onClick={(e) => {
          e.stopPropagation();
          setMounted(true);
          setOpen(true);
        }}
      >
        {icon}
      </button>
    );
  }
  return (
    <Dropdown.Root modal={false} open={open} onOpenChange={setOpen}>
      <Dropdown.Trigger className={className} aria-label={label} onClick={(e) => e.stopPropagation()}>
        {icon}
      </Dropdown.Trigger>
      <Dropdown.Portal>
        <Dropdown.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-800"
          onClick={(e) => e.stopPropagation()}
        >
          {items.map((item) => (
            <Dropdown.Item
              key={item.label}
              disabled={item.disabled}
              onSelect={item.onSelect}
              className={`cursor-pointer rounded px-3 py-2 outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-700 ${item.danger ? "text-red-600 dark:text-red-400" : ""}`}
            >
              {item.label}
            </Dropdown.Item>
          ))}
        </Dropdown.Content>
      </Dropdown.Portal>
    </Dropdown.Root>
  );
}
