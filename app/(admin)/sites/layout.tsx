import { requirePagePermission } from "@/lib/access/page";

export default async function SitesLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("sites.view");
  return children;
}
