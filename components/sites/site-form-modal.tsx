"use client";
import { saveSiteAction, searchSiteCustomersAction } from "@/app/(admin)/sites/actions";
import { FormModal } from "@/components/ui/form-modal";
import { CountrySelect } from "@/components/ui/option-selects";
import { useMemo, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { useSearchOptions } from "@/components/ui/use-search-options";
import { SITE_CUSTOMER_CHOICES, type CustomerOption } from "@/lib/sites/columns";
import type { SiteInput } from "@/lib/sites/schemas";

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
        <CustomerChoice error={errors.customerId?.message} register={form.register("customerId")} />
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

/** "Search customers" and the Customer list: the first customers by name, or those matching what was typed. */
function CustomerChoice({ error, register }: { error?: string; register: UseFormRegisterReturn<"customerId"> }) {
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<CustomerOption | null>(null);
  const { options, loadError } = useSearchOptions(searchCustomers, q);
  // The chosen customer stays listed while another search runs, so what is shown is what is saved.
  const listed = options && chosen && !options.some((o) => o.id === chosen.id) ? [chosen, ...options] : options;
  const hint =
    loadError ??
    (options?.length === 0
      ? q
        ? `No customer matches “${q}”.`
        : "Add a customer first, under Customers."
      : options?.length === SITE_CUSTOMER_CHOICES
        ? `The first ${SITE_CUSTOMER_CHOICES} ${q ? "matches" : "customers"} by name: type more to find others.`
        : undefined);
  return (
    <>
      <Field label="Search customers" hint="Type part of the customer's name or account number.">
        {(p) => <input {...p} type="search" className="input" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} />}
      </Field>
      <Field label="Customer" error={error} hint={hint}>
        {(p) => (
          <select
            {...p}
            className="input"
            {...register}
            onChange={(e) => {
              setChosen(listed?.find((o) => o.id === e.target.value) ?? null);
              return register.onChange(e);
            }}
          >
            <option value="">{options === null ? "Loading customers…" : "Select a customer"}</option>
            {listed?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.accountNumber})
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
