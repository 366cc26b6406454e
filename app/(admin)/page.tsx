import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/field";
import { can } from "@/lib/access/actor";
import { navigationFor } from "@/lib/access/navigation";
import { requireEmployee } from "@/lib/access/page";
import { emailConfiguredFor } from "@/lib/email/transport";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requireEmployee();
  const screens = navigationFor(actor);
  const emailConfigured = emailConfiguredFor(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Welcome, {actor.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {actor.roleName} at {actor.organizationName}
        </p>
      </div>
      {!emailConfigured && can(actor, "settings.view") ? (
        <Notice>
          Email delivery is not configured: codes and links are queued and will go out once email is configured.{" "}
          <Link href="/settings/email" className="link">
            Configure email
          </Link>
        </Notice>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {screens.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="card block p-5 hover:border-blue-400">
              <span className="font-medium">{s.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      {screens.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">Your role does not include any screens yet. Ask an Organization Manager for access.</p> : null}
    </div>
  );
}
