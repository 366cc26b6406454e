import type { Metadata } from "next";
import { CompleteWithCodeForm } from "@/components/auth/complete-with-code-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { completeRegistrationAction } from "./actions";

export const metadata: Metadata = { title: "Finish registration" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { email } = await searchParams;
  return (
    <AuthCard title="Finish registration" intro="Enter the one-time registration code from your email and choose a password.">
      <CompleteWithCodeForm action={completeRegistrationAction} email={email} submitLabel="Register" doneHref="/installer/login?notice=registered" resendHref="/installer/login" />
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Codes expire after 72 hours. If yours expired, ask your dealer to send a new registration code.</p>
    </AuthCard>
  );
}
