"use client";
import type { UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { SITE_ROLE_LABEL } from "@/lib/customer-app/rules";
import type { CreateContactInput } from "@/lib/logins/schemas";

/** Create Customer Contact's fields (seed 002): Contact Name, Job Title, Email, Phone, Notes; from a site, the site role too. */
export function ContactFields({ form, withRole }: { form: UseFormReturn<CreateContactInput>; withRole: boolean }) {
  const { errors } = form.formState;
  return (
    <>
      <Field label="Contact Name" error={errors.name?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Job Title" error={errors.jobTitle?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("jobTitle")} />}
      </Field>
      <Field label="Email" error={errors.email?.message}>
        {(p) => <input {...p} type="email" className="input" autoComplete="off" {...form.register("email")} />}
      </Field>
      <Field label="Phone" error={errors.phone?.message}>
        {(p) => <input {...p} type="tel" className="input" autoComplete="off" {...form.register("phone")} />}
      </Field>
      <Field label="Notes" error={errors.notes?.message}>
        {(p) => <textarea {...p} className="input min-h-20" {...form.register("notes")} />}
      </Field>
      {withRole ? (
        <Field label="Site role" error={errors.role?.message}>
          {(p) => (
            <select {...p} className="input" {...form.register("role")}>
              {(["SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"] as const).map((r) => (
                <option key={r} value={r}>
                  {SITE_ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  );
}
