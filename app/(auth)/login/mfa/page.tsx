import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MfaSignInForm } from "@/components/account/mfa-sign-in-form";
import { pendingMfaSession } from "@/lib/auth/mfa";

export const metadata: Metadata = { title: "Two-step verification" };

export default async function MfaSignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const pending = await pendingMfaSession();
  if (!pending) redirect("/login");
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Two-step verification</h1>
      <p className="mb-5 text-sm text-slate-600 dark:text-slate-400">Signing in as {pending.email}. Open your authenticator app and enter the code it shows for the Dealer Portal.</p>
      <MfaSignInForm next={typeof next === "string" ? next : undefined} />
      <p className="mt-4 text-center text-sm">
        <Link href="/login" className="link">
          Sign in as someone else
        </Link>
      </p>
    </>
  );
}
