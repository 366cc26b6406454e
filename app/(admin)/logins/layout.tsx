import { SubNav } from "@/components/ui/sub-nav";
import { requirePagePermission } from "@/lib/access/page";

// The check sits in the layout, outside the screens' loading boundaries, so a refusal is a real 403.
export default async function LoginsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("logins.view");
  return (
    <div className="space-y-4">
      <SubNav
        label="Logins"
        items={[
          { href: "/logins", label: "Logins" },
          { href: "/logins/usergroups", label: "Usergroups" },
          { href: "/logins/agents", label: "Agents" },
        ]}
      />
      {children}
    </div>
  );
}
