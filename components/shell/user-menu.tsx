"use client";
import { useLoadedOnOpen } from "@/components/ui/menu";
import type { RadixUserMenu as RadixUserMenuType } from "./user-menu-radix";

const TRIGGER = "btn flex items-center gap-2 hover:bg-slate-100 dark:hover:bg-slate-800";

/** Name, email and role; Change password, Two-step verification, Sign out of all other sessions, Sign out. Like Menu, a plain button until first opened (every admin page shows it), the Radix menu loaded then. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: string | null }) {
  const [RadixUserMenu, open] = useLoadedOnOpen<typeof RadixUserMenuType>(() => import("./user-menu-radix").then((m) => m.RadixUserMenu), false);
  const face = (
    <>
      <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-blue-600 text-xs font-semibold text-white">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className="hidden text-sm sm:inline">{name}</span>
    </>
  );
  if (RadixUserMenu) return <RadixUserMenu name={name} email={email} role={role} face={face} trigger={TRIGGER} />;
  return (
    <button type="button" className={TRIGGER} aria-label="User menu" aria-haspopup="menu" aria-expanded={false} onClick={open}>
      {face}
    </button>
  );
}
