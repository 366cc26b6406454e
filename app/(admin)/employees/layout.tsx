import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside the page's loading boundary, so a refusal is a real 403.
export default async function EmployeesLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("employees.view");
  return children;
}
