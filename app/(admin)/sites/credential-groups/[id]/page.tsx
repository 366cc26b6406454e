import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CredentialGroupPage } from "@/components/sites/credential-groups-screen";
import { NotFoundError } from "@/lib/access/actor";
import { requirePagePermission } from "@/lib/access/page";
import { getCredentialGroup } from "@/lib/credential-groups/queries";

export const metadata: Metadata = { title: "Credential group" };

export default async function CredentialGroupDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("credentialGroups.view");
  const group = await getCredentialGroup(actor, (await params).id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return <CredentialGroupPage group={group} />;
}
