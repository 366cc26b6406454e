import { cookies } from "next/headers";
import { SideNav } from "@/components/shell/side-nav";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { TimeZoneCookie } from "@/components/ui/time-zone-cookie";
import { navigationFor } from "@/lib/access/navigation";
import { requireEmployee } from "@/lib/access/page";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // The shell shows during set-up of required two-step verification; each page sends the employee there (requireEmployee).
  const actor = await requireEmployee({ duringMfaSetup: true });
  const jar = await cookies();
  const theme = jar.get("theme")?.value === "dark" ? "dark" : "light";
  const nav = navigationFor(actor).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-screen flex-col">
      {/* The first stop of the Tab key: past the header and the side menu's links to the page itself. */}
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-blue-700 shadow focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 dark:bg-slate-900 dark:text-blue-300"
      >
        Skip to main content
      </a>
      <TimeZoneCookie current={jar.get("tz")?.value} />
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center gap-3">
          <span className="font-semibold text-blue-600 dark:text-blue-400">Dealer Portal</span>
          <span aria-hidden className="text-slate-300 dark:text-slate-700">
            /
          </span>
          <span className="text-sm font-medium" data-testid="organization-name">
            {actor.organizationName}
          </span>
        </div>
        <div className="flex items-center gap-1">
          <ThemeToggle initial={theme} />
          <UserMenu name={actor.name} email={actor.email} role={actor.roleName} />
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <aside className="border-b border-slate-200 bg-white md:w-56 md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900">
          <SideNav items={nav} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
