import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireInstaller } from "@/lib/access/page";
import { installerChangePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

export default async function InstallerChangePasswordPage() {
  const actor = await requireInstaller();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Change password</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">For {actor.email}. Your other sessions are signed out when the password changes.</p>
      </div>
      <section className="card p-6">
        <ChangePasswordForm action={installerChangePasswordAction} />
      </section>
      <Link href="/installer" className="link text-sm">
        Back to my panels
      </Link>
    </div>
  );
}
