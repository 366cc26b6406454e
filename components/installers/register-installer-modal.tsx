"use client";
import { registerInstallerAction } from "@/app/(admin)/installers/actions";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";

export function RegisterInstallerModal({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending, setFormError } = useActionForm(() => import("@/lib/installers/schemas").then((m) => m.registerInstallerSchema), registerInstallerAction, {
    defaultValues: { name: "", email: "", phone: "" },
    onSuccess: (r) => {
      show(r);
      form.reset();
      onOpenChange(false);
    },
  });
  const { errors } = form.formState;
  function close(o: boolean) {
    if (!o) {
      form.reset();
      setFormError(null);
    }
    onOpenChange(o);
  }
  return (
    <FormModal open={open} title="Register installer" formId="register-installer" onSubmit={submit} onClose={() => close(false)} pending={pending}>
      <FormError message={formError} />
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Email" error={errors.email?.message} hint="The one-time registration code is sent to this address.">
        {(p) => <input {...p} type="email" className="input" autoComplete="off" {...form.register("email")} />}
      </Field>
      <Field label="Phone" error={errors.phone?.message}>
        {(p) => <input {...p} type="tel" className="input" autoComplete="off" {...form.register("phone")} />}
      </Field>
    </FormModal>
  );
}
