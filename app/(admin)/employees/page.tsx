import type { Metadata } from "next";
import { cookies } from "next/headers";
import { EmployeesScreen } from "@/components/employees/employees-screen";
import { requirePagePermission } from "@/lib/access/page";
import { loadEmployeesPage } from "@/lib/employees/queries";
import type { SearchParams } from "@/lib/grid";

export const metadata: Metadata = { title: "Employees" };

export default async function EmployeesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("employees.view");
  const data = await loadEmployeesPage(actor, await searchParams);
  const timeZone = (await cookies()).get("tz")?.value ?? "UTC";
  return <EmployeesScreen data={data} timeZone={timeZone} />;
}
