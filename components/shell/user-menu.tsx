"use client";
import { useLoadedOnOpen } from "@/components/ui/menu";
import type { RadixUserMenu as RadixUserMenuType } from "./user-menu-radix";

const TRIGGER = "btn flex items-center gap-2 hover:bg-slate-100 dark:hover:bg-slate-800";

/** Name, email and role; Change password, Two-step verification, Sign out of all other sessions, Sign out. Like Menu, a plain button until first opened (every admin page shows it), the Radix menu loaded then. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: string | null }) {
  const [RadixUserMenu, open] = useLoadedOnOpen<typeof RadixUserMenuType>(() => import("./user-menu-radix").then((m) => m.RadixUserMenu), false);
  // Named by its content, "Alex Admin, user menu": it starts with the name it shows (WCAG 2.5.3,
  // label in name), so "click Alex Admin" works by voice; on a phone the name is not shown but still read.
  const face = (
    <>
      <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-blue-600 text-xs font-semibold text-white">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className="sr-only text-sm sm:not-sr-only">{name}</span>
      <span className="sr-only">, user menu</span>
    </>
  );
  if (RadixUserMenu) return <RadixUserMenu name={name} email={email} role={role} face={face} trigger={TRIGGER} />;
  return (
    <button type="button" className={TRIGGER} aria-haspopup="menu" aria-expanded={false} onClick={open}>
      {face}
    </button>
  );
}
