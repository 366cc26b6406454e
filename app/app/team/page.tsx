import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { TeamScreen } from "@/components/customer-app/team-screen";
import { requireCustomer } from "@/lib/access/page";
import { getMyTeam } from "@/lib/customer-app/queries";

export const metadata: Metadata = { title: "My Team" };

export default async function MyTeamPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const team = await getMyTeam(await requireCustomer(), typeof q === "string" ? q : "");
  const timeZone = (await cookies()).get("tz")?.value ?? "UTC";
  return (
    <div className="space-y-4">
      <Link href="/app" className="link text-sm">
        ← My sites
      </Link>
      {team.managedSites.length === 0 ? (
        <>
          <h1 className="text-2xl font-semibold">My Team</h1>
          <p className="card p-6 text-sm text-slate-600 dark:text-slate-400">My Team is for Site Managers: you are not a Site Manager of any site.</p>
        </>
      ) : (
        <TeamScreen team={team} timeZone={timeZone} />
      )}
    </div>
  );
}
