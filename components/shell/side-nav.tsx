"use client";
/* eslint-disable @next/next/no-html-link-for-pages -- the menu's one click handler navigates inside the app (below) */
import { usePathname, useRouter } from "next/navigation";

// Plain links and one handler for all of them, rather than a next/link per item: a plain click
// navigates inside the app as a Link does, a click with a modifier (new tab, new window) is the
// browser's, and a page is prefetched when the pointer or the focus comes to its link instead of
// every item's page as soon as the menu is on screen. The menu is on every console page, and its
// Links were about 2 % of the server's time for each of them.
export function SideNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const linkOf = (e: React.SyntheticEvent) => (e.target instanceof Element ? e.target.closest<HTMLAnchorElement>("a[href]") : null);

  function navigate(e: React.MouseEvent) {
    const link = linkOf(e);
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.push(link.getAttribute("href")!);
  }

  function prefetch(e: React.SyntheticEvent) {
    const href = linkOf(e)?.getAttribute("href");
    if (href) router.prefetch(href);
  }

  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto p-2 md:flex-col md:p-3" onClick={navigate} onPointerOver={prefetch} onFocus={prefetch}>
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
