import Link from "next/link";

/** The tabs of a section (Settings, Logins): one row of links under the page's navigation. */
export function SubNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="flex gap-4 border-b border-slate-200 text-sm dark:border-slate-800">
      {items.map((i) => (
        <Link key={i.href} href={i.href} className="link pb-2">
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
