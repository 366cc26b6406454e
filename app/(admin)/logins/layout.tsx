import Link from "next/link";
import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside the screens' loading boundaries, so a refusal is a real 403.
export default async function LoginsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("logins.view");
  return (
    <div className="space-y-4">
      <nav aria-label="Logins" className="flex gap-4 border-b border-slate-200 text-sm dark:border-slate-800">
        <Link href="/logins" className="link pb-2">
          Logins
        </Link>
        <Link href="/logins/usergroups" className="link pb-2">
          Usergroups
        </Link>
        <Link href="/logins/agents" className="link pb-2">
          Agents
        </Link>
      </nav>
      {children}
    </div>
  );
}
