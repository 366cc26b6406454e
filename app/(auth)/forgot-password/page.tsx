import type { Metadata } from "next";
import Link from "next/link";
import { RequestCodeForm } from "@/components/auth/request-code-form";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Forgot your password?</h1>
      <p className="mb-5 text-sm text-slate-600 dark:text-slate-400">Enter your email. We will send you a one-time code to choose a new password.</p>
      <RequestCodeForm action={requestPasswordResetAction} nextPath="/forgot-password/reset" />
      <p className="mt-4 text-center text-sm">
        <Link href="/login" className="link">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
