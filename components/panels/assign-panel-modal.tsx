"use client";
// Assign a panel to an installer or an employee: read-only email, a searchable list of the
// panels the user may assign, Save enabled once one is chosen.
import { FormModal } from "@/components/ui/form-modal";
import { useState } from "react";
import { useSearchOptions } from "@/components/ui/use-search-options";
import { Field, FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import type { ActionResult } from "@/lib/actions/result";
import type { PanelOption } from "@/lib/panels/schemas";

export function AssignPanelModal({
  title,
  email,
  onClose,
  assign,
  search,
}: {
  title: string;
  email: string;
  onClose: () => void;
  assign: (panelId: string) => Promise<ActionResult>;
  search: (q: string) => Promise<ActionResult<PanelOption[]>>;
}) {
  const show = useResultToasts();
  const [q, setQ] = useState("");
  const { options, loadError } = useSearchOptions(search, q);
  const { form, submit, formError, pending } = useActionForm(
    () => import("@/lib/panels/schemas").then((m) => m.panelChoiceSchema),
    (input: { panelId: string }) => assign(input.panelId),
    {
      defaultValues: { panelId: "" },
      onSuccess: (r) => {
        show(r);
        onClose();
      },
    },
  );
  const panelId = form.watch("panelId");

  return (
    <FormModal title={title} formId="assign-panel" onSubmit={submit} onClose={onClose} pending={pending} submitDisabled={!panelId}>
      <FormError message={formError ?? loadError} />
      <Field label="Email">{(p) => <input {...p} className="input" value={email} readOnly />}</Field>
      <Field label="Find a panel" hint="Type the start of an IMEI or account code.">
        {(p) => <input {...p} type="search" className="input" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} />}
      </Field>
      <Field
        label="Panel"
        error={form.formState.errors.panelId?.message}
        hint={
          options && options.length === 0 ? "No panel can be assigned: every panel you can see is already assigned, or none matches. Panels in groups your role cannot see are not listed." : undefined
        }
      >
        {(p) => (
          <select {...p} className="input" size={Math.min(8, Math.max(2, (options?.length ?? 0) + 1))} {...form.register("panelId")}>
            <option value="">{options === null ? "Loading panels…" : "Select a panel"}</option>
            {options?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.imei} · {o.accountCode} · {o.panelGroupName}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormModal>
  );
}
