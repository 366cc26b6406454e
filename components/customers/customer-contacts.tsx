"use client";
// Customer page (seed 002): Details → Agent, and the Contacts tab: +Create New (Create Customer
// Contact), Link login (an existing login or a new one, All sites or Specific sites), Unlink.
import { useState } from "react";
import { createContactAction, linkContactLoginAction, setContactPortalScopeAction, setCustomerAgentAction, unlinkContactLoginAction } from "@/app/(admin)/customers/actions";
import { ContactFields } from "@/components/customers/contact-fields";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { OptionSelect } from "@/components/ui/option-selects";
import { Menu } from "@/components/ui/menu";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";
import type { CustomerDetails } from "@/lib/customers/queries";

type Contact = CustomerDetails["contacts"][number];

export function CustomerAgentForm({ customer }: { customer: CustomerDetails }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.customerAgentSchema), setCustomerAgentAction, {
    defaultValues: { customerId: customer.id, agentId: customer.agent?.id ?? "" },
    onSuccess: show,
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
      <FormError message={formError} />
      <Field label="Agent" error={form.formState.errors.agentId?.message} hint="One agent per customer; the agent sees this customer's sites in the portal, read-only.">
        {(p) => (
          <select {...p} className="input min-w-64" {...form.register("agentId")}>
            <option value="">No agent</option>
            {customer.agents.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}, {g.company}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="btn-secondary" disabled={pending} aria-busy={pending}>
        Save agent
      </button>
    </form>
  );
}

export function CustomerContacts({ customer }: { customer: CustomerDetails }) {
  const run = useActionRunner();
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState<Contact | null>(null);
  const [unlinking, setUnlinking] = useState<Contact | null>(null);
  const manage = customer.permissions.manageContacts;
  return (
    <section className="card" aria-labelledby="customer-contacts">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 id="customer-contacts" className="font-semibold">
          Contacts
        </h2>
        {manage ? (
          <button type="button" className="btn-secondary" onClick={() => setCreating(true)}>
            +Create New
          </button>
        ) : null}
      </div>
      {customer.contacts.length === 0 ? <p className="p-4 text-sm text-slate-500 dark:text-slate-400">No contacts.</p> : null}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {customer.contacts.map((c) => (
          <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm" data-testid="customer-contact">
            <div>
              <p>
                <span className="font-medium">{c.name}</span> {c.jobTitle ? <span className="text-slate-500 dark:text-slate-400">· {c.jobTitle}</span> : null}
                {c.email ? <span className="text-slate-500 dark:text-slate-400"> · {c.email}</span> : null}
              </p>
              <p className="text-slate-500 dark:text-slate-400">
                {c.login ? `Login ${c.login} · ${c.scope === "ALL_SITES" ? "All sites" : "Specific sites"}` : "Information only (no login)"}
                {c.sites.length ? ` · Site contact of ${c.sites.join(", ")}` : ""}
              </p>
            </div>
            {manage ? (
              <Menu
                label={`Actions for ${c.name}`}
                items={
                  c.login
                    ? [
                        {
                          label: c.scope === "ALL_SITES" ? "Give access to Specific sites" : "Give access to All sites",
                          onSelect: () => void run(() => setContactPortalScopeAction({ contactId: c.id, scope: c.scope === "ALL_SITES" ? "SPECIFIC_SITES" : "ALL_SITES" })),
                        },
                        { label: "Unlink login", onSelect: () => setUnlinking(c), danger: true },
                      ]
                    : [{ label: "Link login", onSelect: () => setLinking(c) }]
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
      {creating ? <CreateContactModal customerId={customer.id} onClose={() => setCreating(false)} /> : null}
      {linking ? <LinkLoginModal contact={linking} logins={customer.linkableLogins} onClose={() => setLinking(null)} /> : null}
      <ConfirmDialog
        open={!!unlinking}
        onOpenChange={(o) => !o && setUnlinking(null)}
        title="Unlink login"
        message={unlinking ? `Unlink ${unlinking.login} from ${unlinking.name}? The login can no longer use the customer portal; its sessions end at once.` : ""}
        confirmLabel="Unlink"
        danger
        onConfirm={async () => {
          await run(() => unlinkContactLoginAction({ contactId: unlinking!.id }));
        }}
      />
    </section>
  );
}

export function CreateContactModal({ customerId, siteId, action = createContactAction, onClose }: { customerId: string; siteId?: string; action?: typeof createContactAction; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.createContactSchema), action, {
    defaultValues: { customerId, siteId, name: "", jobTitle: "", email: "", phone: "", notes: "", role: "SITE_MEMBER" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <FormModal title="Create Customer Contact" formId="create-contact" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <ContactFields form={form} withRole={!!siteId} />
    </FormModal>
  );
}

function LinkLoginModal({ contact, logins, onClose }: { contact: Contact; logins: CustomerDetails["linkableLogins"]; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.linkLoginSchema), linkContactLoginAction, {
    defaultValues: { contactId: contact.id, mode: logins.length ? "existing" : "new", userId: "", email: contact.email, scope: "SPECIFIC_SITES" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const mode = form.watch("mode");
  const { errors } = form.formState;
  return (
    <FormModal title={`Link login to ${contact.name}`} formId="link-login" onSubmit={submit} onClose={onClose} pending={pending} submitLabel="Link login">
      <FormError message={formError} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Login</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="existing" disabled={!logins.length} {...form.register("mode")} />
          An existing login {logins.length ? "" : "(none is free to link)"}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="new" {...form.register("mode")} />
          Create a login (we email a link to create the password)
        </label>
      </fieldset>
      {mode === "existing" ? (
        <Field label="Existing login" error={errors.userId?.message}>
          {(p) => <OptionSelect {...p} options={logins} placeholder="Choose a login" {...form.register("userId")} />}
        </Field>
      ) : (
        <Field label="Email" error={errors.email?.message} hint="The username of the new login.">
          {(p) => <input {...p} type="email" className="input" autoComplete="off" {...form.register("email")} />}
        </Field>
      )}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Portal access</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="ALL_SITES" {...form.register("scope")} />
          All sites <span className="text-slate-500 dark:text-slate-400">(every site of the customer, also those added later)</span>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="SPECIFIC_SITES" {...form.register("scope")} />
          Specific sites <span className="text-slate-500 dark:text-slate-400">(the sites where {contact.name} is a site contact)</span>
        </label>
      </fieldset>
    </FormModal>
  );
}
