import Link from "next/link";
import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside the screens' loading boundaries, so a refusal is a real 403.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("settings.view");
  return (
    <div className="space-y-4">
      <nav aria-label="Settings" className="flex gap-4 border-b border-slate-200 text-sm dark:border-slate-800">
        <Link href="/settings/email" className="link pb-2">
          Email
        </Link>
        <Link href="/settings/security" className="link pb-2">
          Security
        </Link>
        <Link href="/settings/portal" className="link pb-2">
          Customer portal
        </Link>
      </nav>
      {children}
    </div>
  );
}
