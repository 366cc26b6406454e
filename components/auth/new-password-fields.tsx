"use client";
import type { UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";

type NewPassword = { password: string; confirm: string };

/** New password and its confirmation: every form that sets a password (change, reset, invitation). */
export function NewPasswordFields<T extends NewPassword>({ form: typed, confirmLabel = "Confirm new password" }: { form: UseFormReturn<T>; confirmLabel?: string }) {
  // Each form holds these two fields among others; one view of them keeps the markup in one place.
  const form = typed as unknown as UseFormReturn<NewPassword>;
  const { errors } = form.formState;
  return (
    <>
      <Field label="New password" error={errors.password?.message} hint={PASSWORD_RULES}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" {...form.register("password")} />}
      </Field>
      <Field label={confirmLabel} error={errors.confirm?.message}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className="input" {...form.register("confirm")} />}
      </Field>
    </>
  );
}
