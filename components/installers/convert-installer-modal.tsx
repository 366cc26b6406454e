"use client";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError, Notice } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { convertInstallerSchema } from "@/lib/installers/schemas";
import type { InstallersActions } from "./types";

type Target = { id: string; name: string; email: string; phone: string };

export function ConvertInstallerModal({
  installer,
  onClose,
  roles,
  countries,
  action,
}: {
  installer: Target;
  onClose: () => void;
  roles: { id: string; name: string }[];
  countries: { code: string; name: string }[];
  action: InstallersActions["convertInstallerAction"];
}) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(convertInstallerSchema, action, {
    defaultValues: { installerId: installer.id, fullName: installer.name, phone: installer.phone, country: "", roleId: "" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <Modal
      open
      onOpenChange={(o) => !o && !pending && onClose()}
      title="Installer conversion"
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" form="convert-installer" className="btn-primary" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            Convert
          </button>
        </>
      }
    >
      <form id="convert-installer" onSubmit={submit} noValidate className="space-y-4">
        <Notice>After conversion to Employee, panels may be unassigned if they belong to a group that is not visible for this employee.</Notice>
        <FormError message={formError} />
        <input type="hidden" {...form.register("installerId")} />
        <Field label="Full name" error={errors.fullName?.message}>
          {(p) => <input {...p} className="input" {...form.register("fullName")} />}
        </Field>
        <Field label="Email address">
          {(p) => <input {...p} className="input" value={installer.email} readOnly />}
        </Field>
        <Field label="Phone" error={errors.phone?.message}>
          {(p) => <input {...p} type="tel" className="input" {...form.register("phone")} />}
        </Field>
        <Field label="Country" error={errors.country?.message}>
          {(p) => (
            <select {...p} className="input" {...form.register("country")}>
              <option value="">Select a country</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Role" error={errors.roleId?.message} hint={roles.length ? undefined : "No role can be given: you can only give roles whose permissions you hold."}>
          {(p) => (
            <select {...p} className="input" {...form.register("roleId")}>
              <option value="">Select a role</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
    </Modal>
  );
}
