import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/customer-app/set-password-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { requireCustomer } from "@/lib/access/page";
import { canSetPasswordFromLink } from "@/lib/customer-app/invitations";

export const metadata: Metadata = { title: "Set your password" };

export default async function CustomerSetPasswordPage() {
  const actor = await requireCustomer();
  if (!(await canSetPasswordFromLink(actor))) {
    return (
      <AuthCard title="Set your password">
        <p className="text-sm">
          To set a password, open the link in your email again, or ask for a new one with{" "}
          <Link href="/app/forgot-password" className="link">
            Forgot your password?
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set your password" intro={`Your username is ${actor.email}.`}>
      <SetPasswordForm />
    </AuthCard>
  );
}
