"use client";
import { convertInstallerAction } from "@/app/(admin)/installers/actions";
import { FormModal } from "@/components/ui/form-modal";
import { CountrySelect, OptionSelect } from "@/components/ui/option-selects";
import { Field, FormError, Notice } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";

type Target = { id: string; name: string; email: string; phone: string };

export function ConvertInstallerModal({ installer, onClose, roles }: { installer: Target; onClose: () => void; roles: { id: string; name: string }[] }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/installers/schemas").then((m) => m.convertInstallerSchema), convertInstallerAction, {
    defaultValues: { installerId: installer.id, fullName: installer.name, phone: installer.phone, country: "", roleId: "" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title="Installer conversion" formId="convert-installer" onSubmit={submit} onClose={onClose} pending={pending} submitLabel="Convert">
      <Notice>After conversion to Employee, panels may be unassigned if they belong to a group that is not visible for this employee.</Notice>
      <FormError message={formError} />
      <input type="hidden" {...form.register("installerId")} />
      <Field label="Full name" error={errors.fullName?.message}>
        {(p) => <input {...p} className="input" {...form.register("fullName")} />}
      </Field>
      <Field label="Email address">{(p) => <input {...p} className="input" value={installer.email} readOnly />}</Field>
      <Field label="Phone" error={errors.phone?.message}>
        {(p) => <input {...p} type="tel" className="input" {...form.register("phone")} />}
      </Field>
      <Field label="Country" error={errors.country?.message}>
        {(p) => <CountrySelect {...p} {...form.register("country")} />}
      </Field>
      <Field label="Role" error={errors.roleId?.message} hint={roles.length ? undefined : "No role can be given: you can only give roles whose permissions you hold."}>
        {(p) => <OptionSelect {...p} options={roles} placeholder="Select a role" {...form.register("roleId")} />}
      </Field>
    </FormModal>
  );
}
