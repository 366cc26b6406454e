import type { Metadata } from "next";
import { CredentialGroupsScreen } from "@/components/sites/credential-groups-screen";
import { requirePagePermission } from "@/lib/access/page";
import type { SearchParams } from "@/lib/grid";
import { listCredentialGroups } from "@/lib/credential-groups/queries";

export const metadata: Metadata = { title: "Credential groups" };

export default async function CredentialGroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("credentialGroups.view");
  return <CredentialGroupsScreen data={await listCredentialGroups(actor, await searchParams)} />;
}
