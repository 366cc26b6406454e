import { requirePagePermission } from "@/lib/access/page";

export default async function CustomersLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("customers.view");
  return children;
}
