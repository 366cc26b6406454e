"use client";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Field, FormError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { useToast } from "@/components/ui/toast";
import type { ChangePasswordInput } from "@/lib/auth/schemas";
import type { ActionResult } from "@/lib/actions/result";

/** Current password + new password twice; the console and the installer app each pass their action. */
export function ChangePasswordForm({ action }: { action: (input: ChangePasswordInput) => Promise<ActionResult> }) {
  const toast = useToast();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.changePasswordSchema), action, {
    defaultValues: { currentPassword: "", password: "", confirm: "" },
    onSuccess: (result) => {
      form.reset();
      toast("success", result.message ?? "Your password is changed.");
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="Current password" error={errors.currentPassword?.message}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className="input" {...form.register("currentPassword")} />}
      </Field>
      <NewPasswordFields form={form} />
      <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Change password
      </button>
    </form>
  );
}
