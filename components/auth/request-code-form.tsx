"use client";
import { useRouter } from "next/navigation";
import { Field, FormError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";

/** Asks for an email, requests a code, then moves on to the page where the code is entered. */
export function RequestCodeForm({ action, nextPath, submitLabel = "Send code" }: { action: (input: { email: string }) => Promise<ActionResult>; nextPath: string; submitLabel?: string }) {
  const router = useRouter();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.forgotPasswordSchema), action, {
    defaultValues: { email: "" },
    onSuccess: () => router.push(`${nextPath}?email=${encodeURIComponent(form.getValues("email").trim())}&sent=1`),
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="Email" error={form.formState.errors.email?.message}>
        {(p) => <input {...p} type="email" autoComplete="username" className="input" {...form.register("email")} />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        {submitLabel}
      </button>
    </form>
  );
}
