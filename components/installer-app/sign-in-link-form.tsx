"use client";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";

export function SignInLinkForm({ action }: { action: (input: { email: string }) => Promise<ActionResult> }) {
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.forgotPasswordSchema), action, { defaultValues: { email: "" } });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Sign in with an emailed link">
      <FormError message={formError} />
      <Field label="Email for a sign-in link" error={form.formState.errors.email?.message}>
        {(p) => <input {...p} type="email" autoComplete="username" className="input" {...form.register("email")} />}
      </Field>
      <button type="submit" className="btn-secondary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Email me a sign-in link
      </button>
    </form>
  );
}
