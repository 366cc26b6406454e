"use client";
import { useMemo } from "react";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { countryOptions } from "@/lib/countries";
import { addEmployeeSchema, editEmployeeSchema, editPrivilegeSchema } from "@/lib/employees/schemas";
import type { EmployeeRow } from "@/lib/employees/queries";
import type { ActionResult } from "@/lib/actions/result";

type Role = { id: string; name: string };

function Footer({ form, pending, onClose, label }: { form: string; pending: boolean; onClose: () => void; label: string }) {
  return (
    <>
      <button type="button" className="btn-secondary" onClick={onClose} disabled={pending}>
        Cancel
      </button>
      <button type="submit" form={form} className="btn-primary" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        {label}
      </button>
    </>
  );
}

function CountrySelect(props: React.SelectHTMLAttributes<HTMLSelectElement>) {
  const countries = useMemo(() => countryOptions(), []);
  return (
    <select className="input" {...props}>
      <option value="">Select a country</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

function RoleSelect({ roles, ...props }: { roles: Role[] } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className="input" {...props}>
      <option value="">Select a role</option>
      {roles.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

export function AddEmployeeModal({ roles, onClose, action }: { roles: Role[]; onClose: () => void; action: (i: unknown) => Promise<ActionResult> }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(addEmployeeSchema, action, {
    defaultValues: { fullName: "", email: "", phone: "", country: "", roleId: "" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <Modal open onOpenChange={(o) => !o && !pending && onClose()} title="Add employee" footer={<Footer form="add-employee" pending={pending} onClose={onClose} label="Save" />}>
      <form id="add-employee" onSubmit={submit} noValidate className="space-y-4">
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
          {(p) => <RoleSelect {...p} roles={roles} {...form.register("roleId")} />}
        </Field>
      </form>
    </Modal>
  );
}

export function EditEmployeeModal({ employee, onClose, action }: { employee: EmployeeRow; onClose: () => void; action: (i: unknown) => Promise<ActionResult> }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(editEmployeeSchema, action, {
    defaultValues: { id: employee.id, fullName: employee.fullName, phone: employee.phone, country: employee.country },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <Modal open onOpenChange={(o) => !o && !pending && onClose()} title={`Edit ${employee.fullName}`} footer={<Footer form="edit-employee" pending={pending} onClose={onClose} label="Save" />}>
      <form id="edit-employee" onSubmit={submit} noValidate className="space-y-4">
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
      </form>
    </Modal>
  );
}

/** Seed 001's Edit privilege: choose the role from the drop-down, then OK. */
export function EditPrivilegeModal({ employee, roles, onClose, action }: { employee: EmployeeRow; roles: Role[]; onClose: () => void; action: (i: unknown) => Promise<ActionResult> }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(editPrivilegeSchema, action, {
    defaultValues: { id: employee.id, roleId: roles.some((r) => r.id === employee.roleId) ? employee.roleId : "" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <Modal open size="sm" onOpenChange={(o) => !o && !pending && onClose()} title="Edit privilege" footer={<Footer form="edit-privilege" pending={pending} onClose={onClose} label="OK" />}>
      <form id="edit-privilege" onSubmit={submit} noValidate className="space-y-4">
        <p className="text-sm">
          Role of <strong>{employee.fullName}</strong> (now {employee.roleName}). Their current sessions end when the role changes.
        </p>
        <FormError message={formError} />
        <Field label="Role" error={form.formState.errors.roleId?.message}>
          {(p) => <RoleSelect {...p} roles={roles} {...form.register("roleId")} />}
        </Field>
      </form>
    </Modal>
  );
}
