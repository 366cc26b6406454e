"use client";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { registerInstallerSchema } from "@/lib/installers/schemas";
import type { InstallersActions } from "./types";

export function RegisterInstallerModal({ open, onOpenChange, action }: { open: boolean; onOpenChange: (o: boolean) => void; action: InstallersActions["registerInstallerAction"] }) {
  const show = useResultToasts();
  const { form, submit, formError, pending, setFormError } = useActionForm(registerInstallerSchema, action, {
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
    <Modal
      open={open}
      onOpenChange={close}
      title="Register installer"
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={() => close(false)} disabled={pending}>
            Cancel
          </button>
          <button type="submit" form="register-installer" className="btn-primary" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            Save
          </button>
        </>
      }
    >
      <form id="register-installer" onSubmit={submit} noValidate className="space-y-4">
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
      </form>
    </Modal>
  );
}
