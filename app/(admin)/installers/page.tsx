import type { Metadata } from "next";
import { cookies } from "next/headers";
import { InstallersScreen } from "@/components/installers/installers-screen";
import { requirePagePermission } from "@/lib/access/page";
import type { SearchParams } from "@/lib/grid";
import { loadInstallersPage } from "@/lib/installers/queries";

export const metadata: Metadata = { title: "Installers" };

export default async function InstallersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("installers.view");
  const data = await loadInstallersPage(actor, await searchParams);
  const timeZone = (await cookies()).get("tz")?.value ?? "UTC";
  return <InstallersScreen data={data} timeZone={timeZone} />;
}
