import type { Metadata } from "next";
import { PanelsScreen } from "@/components/panels/panels-screen";
import { requirePagePermission } from "@/lib/access/page";
import type { SearchParams } from "@/lib/grid";
import { loadPanelsPage } from "@/lib/panels/queries";

export const metadata: Metadata = { title: "Panels" };

export default async function PanelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("panels.view");
  return <PanelsScreen data={await loadPanelsPage(actor, await searchParams)} />;
}
