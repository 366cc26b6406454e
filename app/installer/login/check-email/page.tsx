import type { Metadata } from "next";
import { AuthCard } from "@/components/installer-app/auth-card";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <AuthCard title="Check your email">
      <p role="status" className="text-sm">
        If this email belongs to an installer with access, we sent a sign-in link to it. The link works once and expires in 15 minutes.
      </p>
      <p className="mt-4 text-sm">
        <a href="/installer/login" className="link">
          Back to sign in
        </a>
      </p>
    </AuthCard>
  );
}
