import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InstallerModeForm } from "@/components/customer-app/installer-mode-form";
import { SiteStatusBadge } from "@/components/sites/site-status";
import { NotFoundError } from "@/lib/access/actor";
import { requireCustomer } from "@/lib/access/page";
import { getCustomerSite } from "@/lib/customer-app/queries";
import { CREDENTIAL_TYPE_LABEL, SITE_ROLE_LABEL } from "@/lib/customer-app/rules";
import { formatDateTime } from "@/lib/format";
import { JOB_STATUS_LABEL, type JobStatus } from "@/lib/jobs/rules";

export const metadata: Metadata = { title: "Site" };

export default async function CustomerSitePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const site = await getCustomerSite(actor, (await params).id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!site) notFound();
  return (
    <div className="space-y-4">
      <Link href="/app" className="link text-sm">
        ← My sites
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{site.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {site.address} · {site.role ? SITE_ROLE_LABEL[site.role] : site.readOnly ? "Read only" : "All sites access"} · <SiteStatusBadge status={site.status} />
          {site.credentialGroup ? ` · Credential group ${site.credentialGroup}` : ""} · Configuration version {site.configVersion}
        </p>
      </div>
      <section className="card" aria-labelledby="my-credentials">
        <h2 id="my-credentials" className="border-b border-slate-200 px-5 py-3 font-semibold dark:border-slate-800">
          My credentials
        </h2>
        {site.myCredentials.length === 0 ? <p className="p-5 text-sm text-slate-500 dark:text-slate-400">You have no credentials at this site yet.</p> : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {site.myCredentials.map((c) => (
            <li key={c.id} className="flex flex-wrap justify-between gap-2 px-5 py-3 text-sm" data-testid="my-credential">
              <span>
                {CREDENTIAL_TYPE_LABEL[c.type]} · {c.scope}
              </span>
              <span className={c.status === "ACTIVE" ? "text-emerald-700 dark:text-emerald-400" : "text-slate-500 dark:text-slate-400"}>{c.status === "ACTIVE" ? "Active" : "Deactivated"}</span>
            </li>
          ))}
        </ul>
      </section>
      {site.people.length ? (
        <section className="card" aria-labelledby="site-people">
          <h2 id="site-people" className="border-b border-slate-200 px-5 py-3 font-semibold dark:border-slate-800">
            People
          </h2>
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {site.people.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2 px-5 py-3 text-sm" data-testid="site-person">
                <span>
                  <Link href={`/app/team/${p.id}`} className="link" aria-label={`Credentials of ${p.name}`}>
                    {p.name}
                  </Link>{" "}
                  <span className="text-slate-500 dark:text-slate-400">{p.email}</span>
                </span>
                <span>{SITE_ROLE_LABEL[p.role]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="site-jobs">
        <h2 id="site-jobs" className="border-b border-slate-200 px-5 py-3 font-semibold dark:border-slate-800">
          Jobs
        </h2>
        {site.jobs.length === 0 ? <p className="p-5 text-sm text-slate-500 dark:text-slate-400">No jobs at this site.</p> : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {site.jobs.map((j) => (
            <li key={j.id} className="flex flex-wrap justify-between gap-2 px-5 py-3 text-sm" data-testid="site-job">
              <span>{j.title}</span>
              <span className="flex items-center gap-3 text-slate-600 dark:text-slate-400">
                <span>{JOB_STATUS_LABEL[j.status as JobStatus] ?? j.status}</span>
                <span>{formatDateTime(j.date, site.timeZone)?.date}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card space-y-3 p-5" aria-labelledby="site-settings">
        <h2 id="site-settings" className="font-semibold">
          Site Settings
        </h2>
        <h3 className="text-sm font-medium">Installer Mode</h3>
        {site.permissions.installerMode && site.status === "ACTIVE" ? (
          <InstallerModeForm siteId={site.id} on={site.installerMode.on} until={site.installerMode.until} timeZone={site.timeZone} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="installer-mode-state">
            Installer Mode is {site.installerMode.on ? "on" : "off"}.{" "}
            {site.status !== "ACTIVE" ? "The site is not activated yet, so your dealer can already change it." : site.readOnly ? "You see this site read-only." : "Only a Site Manager can change it."}
          </p>
        )}
      </section>
    </div>
  );
}
