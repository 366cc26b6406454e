import type { Metadata } from "next";
import { CompleteWithCodeForm } from "@/components/auth/complete-with-code-form";
import { completePasswordResetAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { email, sent } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Choose a new password</h1>
      {sent ? (
        <p role="status" className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          If an account exists for that email, we sent it a code. It expires in 10 minutes.
        </p>
      ) : null}
      <CompleteWithCodeForm action={completePasswordResetAction} email={email} submitLabel="Change password" doneHref="/login?reset=1" resendHref="/forgot-password" />
    </>
  );
}
