"use client";
import { addEmployeeAction, editEmployeeAction, editPrivilegeAction } from "@/app/(admin)/employees/actions";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { CountrySelect, OptionSelect } from "@/components/ui/option-selects";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import type { EmployeeRow } from "@/lib/employees/queries";

type Role = { id: string; name: string };

export function AddEmployeeModal({ roles, onClose }: { roles: Role[]; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/employees/schemas").then((m) => m.addEmployeeSchema), addEmployeeAction, {
    defaultValues: { fullName: "", email: "", phone: "", country: "", roleId: "" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title="Add employee" formId="add-employee" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <Field label="Full name" error={errors.fullName?.message}>
        {(p) => <input {...p} className="input" {...form.register("fullName")} />}
      </Field>
      <Field label="Email" error={errors.email?.message} hint="A one-time code to choose a password is sent here.">
        {(p) => <input {...p} type="email" className="input" {...form.register("email")} />}
      </Field>
      <Field label="Phone" error={errors.phone?.message}>
        {(p) => <input {...p} type="tel" className="input" {...form.register("phone")} />}
      </Field>
      <Field label="Country" error={errors.country?.message}>
        {(p) => <CountrySelect {...p} {...form.register("country")} />}
      </Field>
      <Field label="Role" error={errors.roleId?.message}>
        {(p) => <OptionSelect {...p} options={roles} placeholder="Select a role" {...form.register("roleId")} />}
      </Field>
    </FormModal>
  );
}

export function EditEmployeeModal({ employee, onClose }: { employee: EmployeeRow; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/employees/schemas").then((m) => m.editEmployeeSchema), editEmployeeAction, {
    defaultValues: {
      id: employee.id,
      fullName: employee.fullName,
      phone: employee.phone,
      country: employee.country,
    },
    edit: true,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title={`Edit ${employee.fullName}`} formId="edit-employee" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <Field label="Full name" error={errors.fullName?.message}>
        {(p) => <input {...p} className="input" {...form.register("fullName")} />}
      </Field>
      <Field label="Email" hint="The email address is the sign-in name and cannot be changed.">
        {(p) => <input {...p} className="input" value={employee.email} readOnly />}
      </Field>
      <Field label="Phone" error={errors.phone?.message}>
        {(p) => <input {...p} type="tel" className="input" {...form.register("phone")} />}
      </Field>
      <Field label="Country" error={errors.country?.message}>
        {(p) => <CountrySelect {...p} {...form.register("country")} />}
      </Field>
    </FormModal>
  );
}

/** Edit privilege: choose the role from the drop-down, then OK. */
export function EditPrivilegeModal({ employee, roles, onClose }: { employee: EmployeeRow; roles: Role[]; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/employees/schemas").then((m) => m.editPrivilegeSchema), editPrivilegeAction, {
    defaultValues: { id: employee.id, roleId: roles.some((r) => r.id === employee.roleId) ? employee.roleId : "" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <FormModal title="Edit privilege" formId="edit-privilege" onSubmit={submit} onClose={onClose} pending={pending} submitLabel="OK" size="sm">
      <p className="text-sm">
        Role of <strong>{employee.fullName}</strong> (now {employee.roleName}). Their current sessions end when the role changes.
      </p>
      <FormError message={formError} />
      <Field label="Role" error={form.formState.errors.roleId?.message}>
        {(p) => <OptionSelect {...p} options={roles} placeholder="Select a role" {...form.register("roleId")} />}
      </Field>
    </FormModal>
  );
}
