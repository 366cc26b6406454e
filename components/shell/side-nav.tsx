"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function SideNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto p-2 md:flex-col md:p-3">
      <Link href="/" className={itemClass(pathname === "/")} aria-current={pathname === "/" ? "page" : undefined}>
        Overview
      </Link>
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href.split("/").slice(0, 2).join("/")}/`) || pathname.startsWith(item.href);
        return (
          <Link key={item.href} href={item.href} className={itemClass(active)} aria-current={active ? "page" : undefined}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

function itemClass(active: boolean) {
  return `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
    active ? "bg-blue-50 text-blue-700 dark:bg-blue-950 dark:text-blue-300" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
  }`;
}
