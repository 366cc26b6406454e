import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/installer-app/auth-card";
import { CUSTOMER_INVITE_PROVIDER } from "@/lib/auth/customer-links";
import { readCustomerLink } from "@/lib/auth/customer-links";

export const metadata: Metadata = { title: "Continue" };
export const dynamic = "force-dynamic";

// The emailed web-invitation and password-reset links open this page; only its button uses the
// link up (Auth.js's callback), so mail scanners that open links cannot burn it.
export default async function CustomerLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const link = await readCustomerLink((await searchParams).link);
  if (!link || !link.valid) {
    return (
      <AuthCard title="This link is not valid">
        <p className="text-sm">
          {link ? "It was used already or has expired." : "It is incomplete."} Ask your Site Manager for a new invitation, or use{" "}
          <Link className="link" href="/app/forgot-password">
            Forgot your password?
          </Link>
          .
        </p>
      </AuthCard>
    );
  }
  const invite = link.provider === CUSTOMER_INVITE_PROVIDER;
  return (
    <AuthCard
      title={invite ? "Create your password" : "Set a new password"}
      intro={
        <>
          For <strong>{link.email}</strong>: your email is your username. Continue to choose a password.
        </>
      }
    >
      <form method="get" action={`/api/auth/callback/${link.provider}`}>
        <input type="hidden" name="token" value={link.token} />
        <input type="hidden" name="email" value={link.email} />
        <input type="hidden" name="callbackUrl" value="/app/set-password" />
        <button type="submit" className="btn-primary w-full">
          Continue
        </button>
      </form>
    </AuthCard>
  );
}
