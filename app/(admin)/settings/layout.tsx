import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside the screens' loading boundaries, so a refusal is a real 403.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("settings.view");
  return children;
}
