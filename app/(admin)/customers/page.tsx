import type { Metadata } from "next";
import { CustomersScreen } from "@/components/customers/customers-screen";
import { requirePagePermission } from "@/lib/access/page";
import { listCustomers } from "@/lib/customers/customers";
import type { SearchParams } from "@/lib/grid";
import * as actions from "./actions";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("customers.view");
  return <CustomersScreen data={await listCustomers(actor, await searchParams)} actions={{ ...actions }} />;
}
