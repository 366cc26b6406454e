import type { Metadata } from "next";
import Link from "next/link";
import { RequireMfaForm } from "@/components/settings/require-mfa-form";
import { Notice } from "@/components/ui/field";
import { requireEmployee } from "@/lib/access/page";
import { getSecuritySettingsView } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Security settings" };

export default async function SecuritySettingsPage() {
  const view = await getSecuritySettingsView(await requireEmployee());
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Security</h1>
      <section className="card space-y-4 p-6">
        <h2 className="font-semibold">Two-step verification</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="mfa-adoption">
          {view.enrolled} of {view.employees} employees use two-step verification.
        </p>
        {!view.selfEnrolled && view.permissions.manage ? (
          <Notice>
            Set up{" "}
            <Link href="/account/mfa" className="link">
              two-step verification for yourself
            </Link>{" "}
            before requiring it of everyone.
          </Notice>
        ) : null}
        <RequireMfaForm requireMfa={view.requireMfa} disabled={!view.permissions.manage} />
      </section>
    </div>
  );
}
