"use client";
// Agents (seed 002): external company users who see their customers' sites read-only.
import { useState } from "react";
import { deleteAgentAction, saveAgentAction } from "@/app/(admin)/logins/agents/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataGrid } from "@/components/ui/data-grid";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";
import type { AgentsPageData } from "@/lib/logins/queries";

type Row = AgentsPageData["rows"][number];

export function AgentsScreen({ data }: { data: AgentsPageData }) {
  const run = useActionRunner();
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Agents</h1>
        {data.permissions.manage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            +Create
          </button>
        ) : null}
      </header>
      <p className="text-sm text-slate-600 dark:text-slate-400">An agent sees the sites of the customers allocated to them (Customer page → Details → Agent), read-only.</p>
      <div className="card">
        <DataGrid
          caption="Agents"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          empty="No agents yet."
          columns={[
            { key: "company", header: "Company", cell: (r) => r.company },
            { key: "name", header: "Name", cell: (r) => r.name },
            { key: "email", header: "Email", cell: (r) => r.email },
            { key: "login", header: "Login", cell: (r) => r.login ?? "None" },
            { key: "customers", header: "Customers", cell: (r) => r.customers.join(", ") || "None" },
          ]}
          rowMenu={
            data.permissions.manage
              ? (r) => ({
                  label: `Actions for ${r.name}`,
                  items: [
                    { label: "Edit", onSelect: () => setEditing(r) },
                    { label: "Delete", onSelect: () => setDeleting(r), danger: true },
                  ],
                })
              : undefined
          }
        />
      </div>
      {editing ? <AgentModal agent={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete agent"
        message={deleting ? `Delete ${deleting.name} of ${deleting.company}? Their access to every customer ends at once, and their login is deleted.` : ""}
        confirmLabel="Yes, delete"
        danger
        onConfirm={async () => {
          await run(() => deleteAgentAction({ id: deleting!.id }));
        }}
      />
    </div>
  );
}

function AgentModal({ agent, onClose }: { agent: Row | null; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.saveAgentSchema), saveAgentAction, {
    defaultValues: {
      id: agent?.id,
      company: agent?.company ?? "",
      name: agent?.name ?? "",
      email: agent?.email ?? "",
    },
    edit: !!agent,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title={agent ? `Edit ${agent.name}` : "Create agent"} formId="agent-form" onSubmit={submit} onClose={onClose} pending={pending} size="sm">
      <FormError message={formError} />
      <Field label="Company" error={errors.company?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("company")} />}
      </Field>
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Email" error={errors.email?.message} hint={agent ? "The agent's username." : "Their login; we email them a link to create a password."}>
        {(p) => <input {...p} type="email" className="input" autoComplete="off" {...form.register("email")} />}
      </Field>
    </FormModal>
  );
}
