import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/installer-app/auth-card";
import { homePathFor } from "@/lib/access/areas";
import { getActor } from "@/lib/auth/current";
import { customerSignInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  link: "That link is not valid any more: it was used already or has expired. Ask for a new one with Forgot your password.",
  portal: "Your login is not set up for the customer portal yet. Ask your dealer to finish setting it up.",
};

export default async function CustomerLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const actor = await getActor();
  if (actor) redirect(homePathFor(actor.kind));
  return (
    <AuthCard title="Sign in" intro="Manage your team, your sites and Installer Mode. Your email is your username.">
      <SignInForm action={customerSignInAction} next={params.next} forgotHref="/app/forgot-password" notice={params.error ? NOTICES[params.error] : undefined} />
    </AuthCard>
  );
}
