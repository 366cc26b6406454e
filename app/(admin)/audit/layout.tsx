import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside this screen's loading boundary, so a refusal is a real 403.
export default async function AuditLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("audit.view");
  return children;
}
