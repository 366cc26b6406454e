import { requirePagePermission } from "@/lib/access/page";

export default async function CredentialGroupsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("credentialGroups.view");
  return children;
}
