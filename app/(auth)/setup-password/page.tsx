import type { Metadata } from "next";
import { CompleteWithCodeForm } from "@/components/auth/complete-with-code-form";
import { completeEmployeeSetupAction } from "./actions";

export const metadata: Metadata = { title: "Choose your password" };

export default async function SetupPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { email } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Choose your password</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Enter the one-time code from your welcome email. Codes expire after 72 hours; ask an administrator to reset your password if yours expired.
      </p>
      <CompleteWithCodeForm action={completeEmployeeSetupAction} email={email} submitLabel="Set password" doneHref="/login?reset=1" resendHref="/forgot-password" />
    </>
  );
}
