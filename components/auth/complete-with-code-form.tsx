"use client";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Field, FormError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { CompleteWithCodeInput } from "@/lib/auth/schemas";
import type { ActionResult } from "@/lib/actions/result";

/** Email + one-time code + new password: used by forgot password, reset and registration. */
export function CompleteWithCodeForm({
  action,
  email,
  submitLabel,
  doneHref,
  resendHref,
}: {
  action: (input: CompleteWithCodeInput) => Promise<ActionResult>;
  email?: string;
  submitLabel: string;
  doneHref: string;
  resendHref: string;
}) {
  const router = useRouter();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.completeWithCodeSchema), action, {
    defaultValues: { email: email ?? "", code: "", password: "", confirm: "" },
    onSuccess: () => router.push(doneHref),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="Email" error={errors.email?.message}>
        {(p) => <input {...p} type="email" autoComplete="username" className="input" {...form.register("email")} />}
      </Field>
      <Field label="Code" error={errors.code?.message} hint="The one-time code from the email.">
        {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" className="input tracking-widest" {...form.register("code")} />}
      </Field>
      <NewPasswordFields form={form} confirmLabel="Confirm password" />
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        {submitLabel}
      </button>
      <p className="text-center text-sm">
        Did not get a code?{" "}
        <Link href={resendHref} className="link">
          Send a new code
        </Link>
      </p>
    </form>
  );
}
