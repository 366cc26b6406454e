import type { Metadata } from "next";
import Link from "next/link";
import { requireCustomer } from "@/lib/access/page";
import { getMyTeam } from "@/lib/customer-app/queries";
import { SITE_ROLE_LABEL } from "@/lib/customer-app/rules";

export const metadata: Metadata = { title: "My Team" };

export default async function MyTeamPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const team = await getMyTeam(await requireCustomer(), typeof q === "string" ? q : "");
  return (
    <div className="space-y-4">
      <Link href="/app" className="link text-sm">
        ← My sites
      </Link>
      <h1 className="text-2xl font-semibold">My Team</h1>
      {team.managedSites.length === 0 ? (
        <p className="card p-6 text-sm text-slate-600 dark:text-slate-400">My Team is for Site Managers: you are not a Site Manager of any site.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">The people of the sites you manage: {team.managedSites.join(", ")}.</p>
          <form role="search" className="flex gap-2" action="/app/team">
            <input type="search" name="q" defaultValue={team.q} aria-label="Search my team" placeholder="Search by name or email" className="input max-w-sm" />
            <button type="submit" className="btn-secondary">
              Search
            </button>
          </form>
          {team.people.length === 0 ? <p className="card p-6 text-center text-sm text-slate-500">Nobody matches “{team.q}”.</p> : null}
          <ul className="grid gap-3 sm:grid-cols-2">
            {team.people.map((p) => (
              <li key={p.id} className="card space-y-2 p-4 text-sm" data-testid="team-card">
                <div className="flex items-start justify-between gap-2">
                  <div>
                    <p className="font-medium">{p.name}</p>
                    <p className="text-slate-500">{p.email}</p>
                    {p.phone ? <p className="text-slate-500">{p.phone}</p> : null}
                  </div>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">{p.state}</span>
                </div>
                <ul className="text-slate-600 dark:text-slate-400">
                  {p.roles.map((r) => (
                    <li key={r.site}>
                      {r.site}: {SITE_ROLE_LABEL[r.role]}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
