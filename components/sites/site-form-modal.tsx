"use client";
import { useMemo } from "react";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { countryOptions } from "@/lib/countries";
import { siteSchema, type SiteInput } from "@/lib/sites/schemas";
import type { ActionResult } from "@/lib/actions/result";

export function SiteFormModal({
  site,
  customers,
  contacts,
  onClose,
  action,
}: {
  site: (SiteInput & { id: string }) | null;
  customers: { id: string; name: string }[];
  contacts?: { id: string; name: string; email: string }[];
  onClose: () => void;
  action: (input: unknown) => Promise<ActionResult>;
}) {
  const show = useResultToasts();
  const countries = useMemo(() => countryOptions(), []);
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const { form, submit, formError, pending } = useActionForm(siteSchema, action, {
    defaultValues: site ?? { customerId: "", name: "", address: "", country: "", timeZone: "", keyAccountHolderId: "" },
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
      title={site ? `Edit ${site.name}` : "Add site"}
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" form="site-form" className="btn-primary" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            Save
          </button>
        </>
      }
    >
      <form id="site-form" onSubmit={submit} noValidate className="space-y-4">
        <FormError message={formError} />
        <Field label="Customer" error={errors.customerId?.message}>
          {(p) => (
            <select {...p} className="input" disabled={!!site} {...form.register("customerId")}>
              <option value="">Select a customer</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={errors.name?.message}>
          {(p) => <input {...p} className="input" {...form.register("name")} />}
        </Field>
        <Field label="Address" error={errors.address?.message}>
          {(p) => <input {...p} className="input" {...form.register("address")} />}
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
        <Field label="Time zone" error={errors.timeZone?.message}>
          {(p) => (
            <select {...p} className="input" {...form.register("timeZone")}>
              <option value="">Select a time zone</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        {contacts ? (
          <Field label="Key account holder" error={errors.keyAccountHolderId?.message} hint="Receives the account-activation email.">
            {(p) => (
              <select {...p} className="input" {...form.register("keyAccountHolderId")}>
                <option value="">None</option>
                {contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </form>
    </Modal>
  );
}
