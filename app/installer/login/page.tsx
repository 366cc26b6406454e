import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { SignInLinkForm } from "@/components/installer-app/sign-in-link-form";
import { FormError } from "@/components/ui/field";
import { homePathFor } from "@/lib/access/areas";
import { getActor } from "@/lib/auth/current";
import { SIGN_IN_MESSAGES } from "@/lib/auth/entry";
import { emailSignInLinkAction, installerSignInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  registered: "Registration is complete. Sign in with your email and new password.",
  reset: "Your password was changed. Sign in with the new password.",
};

export default async function InstallerLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const actor = await getActor();
  if (actor) redirect(homePathFor(actor.kind));
  const error = params.error === "disabled" ? SIGN_IN_MESSAGES.disabled : params.error ? "The sign-in link is invalid or has expired. Ask for a new one." : null;
  return (
    <AuthCard title="Sign in" intro="The installer application of your dealer.">
      <div className="mb-4">
        <FormError message={error} />
      </div>
      <SignInForm action={installerSignInAction} forgotHref="/installer/forgot-password" notice={params.notice ? NOTICES[params.notice] : undefined} />
      <div className="my-5 flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" /> or <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <SignInLinkForm action={emailSignInLinkAction} />
      <p className="mt-5 text-center text-sm">
        Got a registration code?{" "}
        <a href="/installer/register" className="link">
          Finish registration
        </a>
      </p>
    </AuthCard>
  );
}
