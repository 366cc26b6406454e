import type { Metadata } from "next";
import Link from "next/link";
import { CustomerSignOutButtons } from "@/components/customer-app/sign-out-buttons";
import { SendMyselfInvitation } from "@/components/customer-app/send-myself-invitation";
import { Notice } from "@/components/ui/field";
import { SiteStatusBadge } from "@/components/sites/site-status";
import { requireCustomer } from "@/lib/access/page";
import { getCustomerHome } from "@/lib/customer-app/queries";
import { SITE_ROLE_LABEL } from "@/lib/customer-app/rules";

export const metadata: Metadata = { title: "My sites" };

export default async function CustomerHomePage({ searchParams }: { searchParams: Promise<{ notice?: string; customer?: string }> }) {
  const { notice, customer } = await searchParams;
  const home = await getCustomerHome(await requireCustomer(), typeof customer === "string" ? customer : undefined);
  return (
    <div className="space-y-4">
      {notice === "password" ? (
        <Notice tone="info">
          <span role="status">Your password is set. From now on, sign in with your email and this password.</span>
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Hello, {home.name}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {home.agentCompany ? `${home.agentCompany}, agent · ` : ""}
            {home.customerName ? `${home.customerName} · ` : ""}
            {home.organizationName}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {home.sites.some((s) => s.role === "SITE_MANAGER") ? (
            <Link href="/app/team" className="btn-primary">
              My Team
            </Link>
          ) : null}
          <CustomerSignOutButtons />
        </div>
      </div>
      {home.readOnly ? <Notice tone="info">You see these customers&apos; sites on their behalf, read-only.</Notice> : null}
      {home.customers.length > 1 ? (
        <form action="/app" className="flex flex-wrap items-end gap-2" role="search" aria-label="Switch customer">
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Customer</span>
            <select name="customer" defaultValue={home.currentCustomerId ?? undefined} className="input min-w-56">
              {home.customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-secondary">
            Show
          </button>
        </form>
      ) : null}
      <section className="card" aria-labelledby="my-sites">
        <h2 id="my-sites" className="border-b border-slate-200 px-4 py-3 font-semibold dark:border-slate-800">
          My sites
        </h2>
        {home.sites.length === 0 ? <p className="p-4 text-sm text-slate-500 dark:text-slate-400">You have no sites yet. Your Site Manager or your dealer adds you to a site.</p> : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {home.sites.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm" data-testid="customer-site">
              <div>
                <Link href={`/app/sites/${s.id}`} className="link font-medium">
                  {s.name}
                </Link>
                <p className="text-slate-500 dark:text-slate-400">
                  {s.address}
                  {s.credentialGroup ? ` · Credential group ${s.credentialGroup}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <span>{s.role ? SITE_ROLE_LABEL[s.role] : home.readOnly ? "Read only" : "All sites access"}</span>
                <SiteStatusBadge status={s.status} />
              </div>
            </li>
          ))}
        </ul>
      </section>
      {home.sites.length && !home.readOnly ? <SendMyselfInvitation email={home.email} /> : null}
    </div>
  );
}
