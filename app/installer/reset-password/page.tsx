import type { Metadata } from "next";
import { CompleteWithCodeForm } from "@/components/auth/complete-with-code-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { completeInstallerPasswordResetAction } from "../forgot-password/actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function InstallerResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { email, sent } = await searchParams;
  return (
    <AuthCard
      title="Choose a new password"
      intro={sent ? <span role="status">If an account exists for that email, we sent it a code. It expires in 10 minutes.</span> : "Enter the one-time code from your email and choose a new password."}
    >
      <CompleteWithCodeForm
        action={completeInstallerPasswordResetAction}
        email={email}
        submitLabel="Change password"
        doneHref="/installer/login?notice=reset"
        resendHref="/installer/forgot-password"
      />
    </AuthCard>
  );
}
