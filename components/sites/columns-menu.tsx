"use client";
// COLUMNS: which columns the Sites grid shows (saved per user). A plain button until first opened.
import { useLoadedOnOpen } from "@/components/ui/menu";
import type { SiteColumn } from "@/lib/sites/columns";
import type { RadixColumnsMenu as RadixColumnsMenuType } from "./columns-menu-radix";

export function ColumnsMenu({ columns, toggle }: { columns: SiteColumn[]; toggle: (column: SiteColumn, on: boolean) => void }) {
  const [RadixColumnsMenu, open] = useLoadedOnOpen<typeof RadixColumnsMenuType>(() => import("./columns-menu-radix").then((m) => m.RadixColumnsMenu), false);
  if (RadixColumnsMenu) return <RadixColumnsMenu columns={columns} toggle={toggle} />;
  return (
    <button type="button" className="btn-secondary" aria-haspopup="menu" aria-expanded={false} onClick={open}>
      COLUMNS
    </button>
  );
}
