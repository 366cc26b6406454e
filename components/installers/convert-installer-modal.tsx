"use client";
import { useEffect, useState } from "react";
import { convertInstallerAction, listConversionRolesAction } from "@/app/(admin)/installers/actions";
import { FormModal } from "@/components/ui/form-modal";
import { CountrySelect, OptionSelect } from "@/components/ui/option-selects";
import { Field, FormError, Notice } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";

type Target = { id: string; name: string; email: string; phone: string };

type Role = { id: string; name: string };

/** The roles this admin may give, read when the form opens; null while they load. */
function useConversionRoles(): { roles: Role[] | null; error: string | null } {
  const [state, setState] = useState<{ roles: Role[] | null; error: string | null }>({ roles: null, error: null });
  useEffect(() => {
    let open = true;
    listConversionRolesAction()
      .then((r) => open && setState(r.ok ? { roles: r.data ?? [], error: null } : { roles: [], error: r.error }))
      .catch(() => open && setState({ roles: [], error: "The roles could not be loaded. Close this form and try again." }));
    return () => {
      open = false;
    };
  }, []);
  return state;
}

export function ConvertInstallerModal({ installer, onClose }: { installer: Target; onClose: () => void }) {
  const show = useResultToasts();
  const { roles, error: rolesError } = useConversionRoles();
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
      <Field
        label="Role"
        error={errors.roleId?.message ?? rolesError ?? undefined}
        hint={roles === null ? "Loading roles…" : roles.length ? undefined : "No role can be given: you can only give roles whose permissions you hold."}
      >
        {(p) => <OptionSelect {...p} aria-busy={roles === null} options={roles ?? []} placeholder="Select a role" {...form.register("roleId")} />}
      </Field>
    </FormModal>
  );
}
