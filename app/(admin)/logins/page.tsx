import type { Metadata } from "next";
import { LoginsScreen } from "@/components/logins/logins-screen";
import { requirePagePermission } from "@/lib/access/page";
import { listLogins } from "@/lib/logins/queries";
import type { SearchParams } from "@/lib/grid";

export const metadata: Metadata = { title: "Logins" };

export default async function LoginsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("logins.view");
  return <LoginsScreen data={await listLogins(actor, await searchParams)} />;
}
