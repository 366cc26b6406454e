import type { Metadata } from "next";
import Link from "next/link";
import { RequestCodeForm } from "@/components/auth/request-code-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { requestCustomerPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function CustomerForgotPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { sent } = await searchParams;
  if (sent) {
    return (
      <AuthCard title="Check your email">
        <p className="text-sm" role="status">
          If an account exists for that email, we sent it a link to set a new password. The link expires in 10 minutes and works once.
        </p>
        <p className="text-sm">
          <Link href="/app/login" className="link">
            Back to sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" intro="Enter your email. We will email you a link to set a new password.">
      <RequestCodeForm action={requestCustomerPasswordResetAction} nextPath="/app/forgot-password" submitLabel="Send link" />
    </AuthCard>
  );
}
