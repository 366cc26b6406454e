import type { Metadata } from "next";
import { AuthCard } from "@/components/installer-app/auth-card";
import { parseSignInLink, SIGN_IN_LINK_PROVIDER } from "@/lib/auth/sign-in-link";

export const metadata: Metadata = { title: "Confirm sign-in" };

// Opening the emailed link only shows this page; the button below signs in. Mail scanners
// that open links therefore cannot use up the one-time link.
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const link = parseSignInLink((await searchParams).link);
  if (!link) {
    return (
      <AuthCard title="Sign-in link not valid">
        <p className="text-sm">
          This link is incomplete. Ask for a new sign-in link on the{" "}
          <a className="link" href="/installer/login">
            sign-in page
          </a>
          .
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Sign in to the installer application"
      intro={
        <>
          Signing in as <strong>{link.email}</strong>.
        </>
      }
    >
      <form method="get" action={`/api/auth/callback/${SIGN_IN_LINK_PROVIDER}`}>
        <input type="hidden" name="token" value={link.token} />
        <input type="hidden" name="email" value={link.email} />
        <input type="hidden" name="callbackUrl" value={link.callbackUrl} />
        <button type="submit" className="btn-primary w-full">
          Sign in
        </button>
      </form>
    </AuthCard>
  );
}
