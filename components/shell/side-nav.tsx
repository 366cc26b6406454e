"use client";
/* eslint-disable @next/next/no-html-link-for-pages -- the menu's handlers (useInAppLinks) navigate inside the app */
import { usePathname } from "next/navigation";
import { useInAppLinks } from "@/components/ui/use-in-app-links";

// Plain links with the in-app navigation of one set of handlers (useInAppLinks), rather than a
// next/link per item: the menu is on every console page.
export function SideNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const links = useInAppLinks();

  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto p-2 md:flex-col md:p-3" {...links}>
      <a href="/" className={itemClass(pathname === "/")} aria-current={pathname === "/" ? "page" : undefined}>
        Overview
      </a>
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href.split("/").slice(0, 2).join("/")}/`) || pathname.startsWith(item.href);
        return (
          <a key={item.href} href={item.href} className={itemClass(active)} aria-current={active ? "page" : undefined}>
            {item.label}
          </a>
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
