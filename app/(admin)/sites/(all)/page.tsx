import type { Metadata } from "next";
import { SitesScreen } from "@/components/sites/sites-screen";
import { requirePagePermission } from "@/lib/access/page";
import type { SearchParams } from "@/lib/grid";
import { listSites } from "@/lib/sites/queries";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("sites.view");
  return <SitesScreen data={await listSites(actor, await searchParams)} />;
}
