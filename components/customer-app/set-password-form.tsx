"use client";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { useRouter } from "next/navigation";
import { setCustomerPasswordAction } from "@/app/app/set-password/actions";
import { FormError } from "@/components/ui/field";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";

/** After a web invitation or a password reset link: the new password twice. */
export function SetPasswordForm() {
  const router = useRouter();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/customer-app/schemas").then((m) => m.setPasswordSchema), setCustomerPasswordAction, {
    defaultValues: { password: "", confirm: "" },
    onSuccess: () => router.push("/app?notice=password"),
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <NewPasswordFields form={form} />
      <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Set password
      </button>
    </form>
  );
}
