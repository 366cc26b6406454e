"use client";
import Link from "next/link";
import { Field, FormError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { SignInInput } from "@/lib/auth/schemas";
import type { ActionResult } from "@/lib/actions/result";

/** forgotHref: where "Forgot your password?" leads; left out where that flow does not exist yet. */
export function SignInForm({ action, next, forgotHref, notice }: { action: (input: SignInInput) => Promise<ActionResult>; next?: string; forgotHref?: string; notice?: string }) {
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.signInSchema), action, { defaultValues: { email: "", password: "", next } });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {notice ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {notice}
        </p>
      ) : null}
      <FormError message={formError} />
      <Field label="Email" error={errors.email?.message}>
        {(p) => <input {...p} type="email" autoComplete="username" className="input" {...form.register("email")} />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className="input" {...form.register("password")} />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Sign in
      </button>
      {forgotHref ? (
        <p className="text-center text-sm">
          <Link href={forgotHref} className="link">
            Forgot your password?
          </Link>
        </p>
      ) : null}
    </form>
  );
}
