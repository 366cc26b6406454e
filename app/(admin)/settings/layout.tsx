import { SubNav } from "@/components/ui/sub-nav";
import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside the screens' loading boundaries, so a refusal is a real 403.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("settings.view");
  return (
    <div className="space-y-4">
      <SubNav
        label="Settings"
        items={[
          { href: "/settings/email", label: "Email" },
          { href: "/settings/security", label: "Security" },
          { href: "/settings/portal", label: "Customer portal" },
        ]}
      />
      {children}
    </div>
  );
}
