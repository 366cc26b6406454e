import type { Metadata } from "next";
import { CustomersScreen } from "@/components/customers/customers-screen";
import { requirePagePermission } from "@/lib/access/page";
import { listCustomers } from "@/lib/customers/queries";
import type { SearchParams } from "@/lib/grid";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("customers.view");
  return <CustomersScreen data={await listCustomers(actor, await searchParams)} />;
}
