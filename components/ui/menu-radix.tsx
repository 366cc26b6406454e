"use client";
// The Radix part of Menu (components/ui/menu.tsx), loaded when a menu is first opened.
import * as Dropdown from "@radix-ui/react-dropdown-menu";
import { useState } from "react";
import type { MenuItem } from "./menu";

export function RadixMenu({ label, items, icon, className }: { label: string; items: MenuItem[]; icon: React.ReactNode; className: string }) {
  const [open, setOpen] = useState(true);
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
