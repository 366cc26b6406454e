"use client";
import { useRouter } from "next/navigation";
import { setCustomerPasswordAction } from "@/app/app/set-password/actions";
import { Field, FormError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";
import { setPasswordSchema } from "@/lib/customer-app/schemas";

/** After a web invitation or a password reset link: the new password twice. */
export function SetPasswordForm() {
  const router = useRouter();
  const { form, submit, formError, pending } = useActionForm(setPasswordSchema, setCustomerPasswordAction, {
    defaultValues: { password: "", confirm: "" },
    onSuccess: () => router.push("/app?notice=password"),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="New password" error={errors.password?.message} hint={PASSWORD_RULES}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" {...form.register("password")} />}
      </Field>
      <Field label="Confirm new password" error={errors.confirm?.message}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" {...form.register("confirm")} />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Set password
      </button>
    </form>
  );
}
