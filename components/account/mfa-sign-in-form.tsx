"use client";
import { verifyMfaAction } from "@/app/(auth)/login/mfa/actions";
import { Field, FormError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";

/** The second step of sign-in: the authenticator code, or a recovery code. */
export function MfaSignInForm({ next }: { next?: string }) {
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.mfaSignInSchema), verifyMfaAction, { defaultValues: { code: "", next } });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="Authentication code" error={errors.code?.message} hint="The 6-digit code from your authenticator app, or one of your recovery codes.">
        {(p) => <input {...p} autoComplete="one-time-code" autoFocus className="input tracking-widest" {...form.register("code")} />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Verify
      </button>
    </form>
  );
}
