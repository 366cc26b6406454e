"use client";
import { saveSiteAction, searchSiteCustomersAction } from "@/app/(admin)/sites/actions";
import { FormModal } from "@/components/ui/form-modal";
import { CountrySelect } from "@/components/ui/option-selects";
import { useMemo } from "react";
import { Field, FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { SearchedSelect } from "@/components/ui/searched-select";
import type { CustomerOption, SiteInput } from "@/lib/sites/schemas";

const searchCustomers = (q: string) => searchSiteCustomersAction({ q });

/**
 * Add site and Edit site. Editing keeps the site's customer (a site stays with its customer); adding
 * finds the customer on the server as the admin types, never listing all of them.
 */
export function SiteFormModal({
  site,
  customer,
  contacts,
  onClose,
}: {
  site: (SiteInput & { id: string }) | null;
  customer?: { id: string; name: string };
  contacts?: { id: string; name: string; email: string }[];
  onClose: () => void;
}) {
  const show = useResultToasts();
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/sites/schemas").then((m) => m.siteSchema), saveSiteAction, {
    defaultValues: site ?? { customerId: "", name: "", address: "", country: "", timeZone: "", keyAccountHolderId: "" },
    edit: !!site,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title={site ? `Edit ${site.name}` : "Add site"} formId="site-form" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      {site && customer ? (
        <Field label="Customer">
          {(p) => (
            <select {...p} className="input" disabled value={customer.id}>
              <option value={customer.id}>{customer.name}</option>
            </select>
          )}
        </Field>
      ) : (
        <SearchedSelect
          label="Customer"
          searchLabel="Search customers"
          searchHint="Type part of the customer's name or account number."
          noun="customers"
          emptyHint="Add a customer first, under Customers."
          error={errors.customerId?.message}
          search={searchCustomers}
          register={form.register("customerId")}
          optionLabel={(c: CustomerOption) => `${c.name} (${c.accountNumber})`}
        />
      )}
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} className="input" {...form.register("name")} />}
      </Field>
      <Field label="Address" error={errors.address?.message}>
        {(p) => <input {...p} className="input" {...form.register("address")} />}
      </Field>
      <Field label="Country" error={errors.country?.message}>
        {(p) => <CountrySelect {...p} {...form.register("country")} />}
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
    </FormModal>
  );
}
