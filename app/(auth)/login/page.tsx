import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/auth/current";
import { homePathFor } from "@/lib/access/areas";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const actor = await getActor();
  if (actor) redirect(homePathFor(actor.kind));
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-slate-600 dark:text-slate-400">Admin console for employees of the organization.</p>
      <SignInForm action={signInAction} next={params.next} forgotHref="/forgot-password" notice={params.reset ? "Your password was changed. Sign in with the new password." : undefined} />
    </>
  );
}
