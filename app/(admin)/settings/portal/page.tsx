import type { Metadata } from "next";
import { PortalLicencesForm } from "@/components/settings/portal-licences-form";
import { requireEmployee } from "@/lib/access/page";
import { getPortalSettingsView } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Customer portal settings" };

export default async function PortalSettingsPage() {
  const view = await getPortalSettingsView(await requireEmployee());
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Customer portal</h1>
      <section className="card space-y-4 p-6">
        <h2 className="font-semibold">Licences</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="portal-licences">
          {view.used} of {view.licences} licences in use. Every enabled login in an external usergroup uses one; more licences can be bought from your account manager.
        </p>
        <PortalLicencesForm licences={view.licences} disabled={!view.permissions.manage} />
      </section>
    </div>
  );
}
