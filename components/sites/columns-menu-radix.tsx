"use client";
// The Radix part of the Sites grid's COLUMNS menu (columns-menu.tsx), loaded when first opened.
import * as Dropdown from "@radix-ui/react-dropdown-menu";
import { SITE_COLUMN_LABEL, SITE_COLUMNS, type SiteColumn } from "@/lib/sites/columns";

export function RadixColumnsMenu({ columns, toggle }: { columns: SiteColumn[]; toggle: (column: SiteColumn, on: boolean) => void }) {
  return (
    <Dropdown.Root defaultOpen modal={false}>
      <Dropdown.Trigger className="btn-secondary">COLUMNS</Dropdown.Trigger>
      <Dropdown.Portal>
        <Dropdown.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-800">
          {SITE_COLUMNS.map((c) => (
            <Dropdown.CheckboxItem
              key={c}
              checked={columns.includes(c)}
              disabled={columns.length === 1 && columns.includes(c)}
              onCheckedChange={(on) => toggle(c, on)}
              onSelect={(e) => e.preventDefault()}
              className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-700"
            >
              <span aria-hidden className="w-4">
                {columns.includes(c) ? "✓" : ""}
              </span>
              {SITE_COLUMN_LABEL[c]}
            </Dropdown.CheckboxItem>
          ))}
        </Dropdown.Content>
      </Dropdown.Portal>
    </Dropdown.Root>
  );
}
