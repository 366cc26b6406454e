import type { Metadata } from "next";
import { RequestCodeForm } from "@/components/auth/request-code-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { requestInstallerPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function InstallerForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" intro="Enter your email. We will send you a one-time code to choose a new password.">
      <RequestCodeForm action={requestInstallerPasswordResetAction} nextPath="/installer/reset-password" />
    </AuthCard>
  );
}
