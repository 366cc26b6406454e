import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside the pages' loading boundaries, so a refusal is a real 403.
export default async function PanelsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("panels.view");
  return children;
}
