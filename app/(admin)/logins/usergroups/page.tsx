import type { Metadata } from "next";
import { UsergroupsScreen } from "@/components/logins/usergroups-screen";
import { requirePagePermission } from "@/lib/access/page";
import { listUsergroups } from "@/lib/logins/queries";

export const metadata: Metadata = { title: "Usergroups" };

export default async function UsergroupsPage() {
  const actor = await requirePagePermission("logins.view");
  return <UsergroupsScreen data={await listUsergroups(actor)} />;
}
