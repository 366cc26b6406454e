import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PanelsScreen } from "@/components/panels/panels-screen";
import { NotFoundError } from "@/lib/access/actor";
import { requirePagePermission } from "@/lib/access/page";
import type { SearchParams } from "@/lib/grid";
import { loadPanelsPage } from "@/lib/panels/queries";

export const metadata: Metadata = { title: "Panel group" };

export default async function PanelGroupPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("panels.view");
  const data = await loadPanelsPage(actor, await searchParams, (await params).id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return <PanelsScreen data={data} />;
}
