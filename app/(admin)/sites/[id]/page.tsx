import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SitePage } from "@/components/sites/site-page";
import { NotFoundError } from "@/lib/access/actor";
import { requirePagePermission } from "@/lib/access/page";
import { getSite } from "@/lib/sites/queries";

export const metadata: Metadata = { title: "Site" };

export default async function SiteDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("sites.view");
  const site = await getSite(actor, (await params).id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return <SitePage site={site} />;
}
