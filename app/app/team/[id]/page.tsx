import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteUserCode, GenerateUserCode } from "@/components/customer-app/user-code-controls";
import { NotFoundError } from "@/lib/access/actor";
import { requireCustomer } from "@/lib/access/page";
import { getTeamMemberCredentials } from "@/lib/customer-app/queries";
import { CREDENTIAL_TYPE_LABEL, SITE_ROLE_LABEL } from "@/lib/customer-app/rules";

export const metadata: Metadata = { title: "Credentials" };

export default async function TeamMemberCredentialsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const person = await getTeamMemberCredentials(actor, (await params).id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!person) notFound();
  return (
    <div className="space-y-4">
      <Link href="/app/team" className="link text-sm">
        ← My Team
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{person.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{[person.email, person.phone].filter(Boolean).join(" · ")}</p>
      </div>
      {person.sites.map((site) => (
        <section key={site.id} className="card" aria-labelledby={`site-${site.id}`}>
          <div className="space-y-1 border-b border-slate-200 px-5 py-3 dark:border-slate-800">
            <h2 id={`site-${site.id}`} className="font-semibold">
              {site.name}
            </h2>
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {SITE_ROLE_LABEL[site.role]} · {site.enabled ? "Access on" : "Access off"} · Credentials for: {site.scope}
            </p>
          </div>
          {site.credentials.length === 0 ? <p className="px-5 py-3 text-sm text-slate-500 dark:text-slate-400">No credentials here yet.</p> : null}
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {site.credentials.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm" data-testid="person-credential">
                <span>{CREDENTIAL_TYPE_LABEL[c.type]}</span>
                <span className="flex items-center gap-3">
                  <span className={c.status === "ACTIVE" ? "text-emerald-700 dark:text-emerald-400" : "text-slate-500 dark:text-slate-400"}>{c.status === "ACTIVE" ? "Active" : "Deactivated"}</span>
                  {c.type === "USER_CODE" && c.status === "ACTIVE" ? <DeleteUserCode credentialId={c.id} personName={person.name} /> : null}
                </span>
              </li>
            ))}
          </ul>
          <div className="border-t border-slate-200 px-5 py-3 dark:border-slate-800">
            {site.enabled ? (
              <GenerateUserCode contactId={person.id} siteId={site.id} siteName={site.name} canSend={!!person.phone} />
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">Access is off at this site: turn it on with Privileges to give new credentials.</p>
            )}
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Key tags and cards are assigned on the phone, in the mobile app.</p>
          </div>
        </section>
      ))}
    </div>
  );
}
