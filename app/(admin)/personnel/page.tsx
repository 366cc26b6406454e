import type { Metadata } from "next";
import { PersonnelScreen } from "@/components/jobs/personnel-screen";
import { requirePagePermission } from "@/lib/access/page";
import type { SearchParams } from "@/lib/grid";
import { listPersonnel } from "@/lib/personnel/queries";

export const metadata: Metadata = { title: "Personnel" };

export default async function PersonnelPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("personnel.view");
  return <PersonnelScreen data={await listPersonnel(actor, await searchParams)} />;
}
