import type { Metadata } from "next";
import { RolesScreen } from "@/components/roles/roles-screen";
import { requirePagePermission } from "@/lib/access/page";
import { listRoles } from "@/lib/roles/queries";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const actor = await requirePagePermission("roles.view");
  return <RolesScreen data={await listRoles(actor)} />;
}
