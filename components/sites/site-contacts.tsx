"use client";
// Site → Contacts (seed 002): pick a customer contact from the dropdown and Add Contact to Site
// (with a site role), or +Create New to create a customer contact and add it at once; Remove.
import { useState } from "react";
import { addContactToSiteAction, createSiteContactAction, removeContactFromSiteAction } from "@/app/(admin)/sites/actions";
import { CreateContactModal } from "@/components/customers/customer-contacts";
import { ConfirmDialog, Spinner } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";
import { SITE_ROLE_LABEL } from "@/lib/customer-app/rules";
import type { SiteDetails } from "@/lib/sites/queries";

export function SiteContacts({ site }: { site: SiteDetails }) {
  const show = useResultToasts();
  const run = useActionRunner();
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<SiteDetails["people"][number] | null>(null);
  const available = site.customerContacts.filter((c) => !site.people.some((p) => p.id === c.id));
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.siteContactSchema), addContactToSiteAction, {
    defaultValues: { siteId: site.id, contactId: "", role: "SITE_MEMBER" },
    onSuccess: (r) => {
      show(r);
      form.reset({ siteId: site.id, contactId: "", role: "SITE_MEMBER" });
    },
  });
  return (
    <section className="card space-y-3 p-4" aria-labelledby="site-contacts">
      <div className="flex items-center justify-between">
        <h2 id="site-contacts" className="font-semibold">
          Contacts
        </h2>
        <button type="button" className="btn-secondary" onClick={() => setCreating(true)}>
          +Create New
        </button>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
        <FormError message={formError} />
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Customer contact</span>
          <select className="input min-w-56" aria-invalid={!!form.formState.errors.contactId} {...form.register("contactId")}>
            <option value="">Choose a contact</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.email ? ` (${c.email})` : ""}
              </option>
            ))}
          </select>
          {form.formState.errors.contactId?.message ? <span className="block text-red-600 dark:text-red-400">{form.formState.errors.contactId.message}</span> : null}
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Site role</span>
          <select className="input" {...form.register("role")}>
            {(["SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"] as const).map((r) => (
              <option key={r} value={r}>
                {SITE_ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending}>
          {pending ? <Spinner /> : null}
          Add Contact to Site
        </button>
      </form>
      {site.people.length ? (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {site.people.map((p) => (
            <li key={p.id} className="flex items-center justify-between py-2">
              <span>
                {p.name} <span className="text-slate-500 dark:text-slate-400">· {SITE_ROLE_LABEL[p.role]}</span>
              </span>
              <button
                type="button"
                className="btn-secondary text-xs"
                onClick={() => setRemoving(p)}
                disabled={site.keyAccountHolderId === p.id}
                title={site.keyAccountHolderId === p.id ? "The key account holder" : undefined}
              >
                Remove {p.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {creating ? <CreateContactModal customerId={site.customer.id} siteId={site.id} action={createSiteContactAction} onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(o) => !o && setRemoving(null)}
        title="Remove contact from site"
        message={removing ? `Remove ${removing.name} from ${site.name}? Their access here ends and their credentials here are deactivated. They stay a contact of ${site.customer.name}.` : ""}
        confirmLabel="Remove"
        danger
        onConfirm={async () => {
          await run(() => removeContactFromSiteAction({ siteId: site.id, contactId: removing!.id }));
        }}
      />
    </section>
  );
}
