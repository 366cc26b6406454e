"use client";
import { setPortalLicencesAction } from "@/app/(admin)/settings/portal/actions";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";

export function PortalLicencesForm({ licences, disabled }: { licences: number; disabled: boolean }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.portalLicencesSchema), setPortalLicencesAction, {
    defaultValues: { licences },
    onSuccess: show,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
      <FormError message={formError} />
      <Field label="Customer-portal licences" error={form.formState.errors.licences?.message}>
        {(p) => <input {...p} type="number" min={0} className="input w-32" disabled={disabled} {...form.register("licences")} />}
      </Field>
      <button type="submit" className="btn-primary" disabled={disabled || pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Save
      </button>
    </form>
  );
}
