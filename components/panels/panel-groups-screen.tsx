"use client";
import { deletePanelGroupAction, savePanelGroupAction } from "@/app/(admin)/panels/actions";
import { FormModal } from "@/components/ui/form-modal";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataGrid } from "@/components/ui/data-grid";
import { Field, FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";

type Group = { id: string; name: string; panels: number };

export function PanelGroupsScreen({ groups, canManage }: { groups: Group[]; canManage: boolean }) {
  const run = useActionRunner();
  const [editing, setEditing] = useState<Group | "new" | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Panel groups</h1>
          <Link href="/panels" className="link text-sm">
            All panels
          </Link>
        </div>
        {canManage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Add panel group
          </button>
        ) : null}
      </header>
      <div className="card">
        <DataGrid
          caption="Panel groups"
          rows={groups}
          rowId={(g) => g.id}
          rowLabel={(g) => g.name}
          empty="No panel groups you can see."
          columns={[
            {
              key: "name",
              header: "Name",
              cell: (g) => (
                <Link href={`/panels/groups/${g.id}`} className="link">
                  {g.name}
                </Link>
              ),
            },
            { key: "panels", header: "Panels", className: "num", cell: (g) => g.panels },
          ]}
          rowMenu={
            canManage
              ? (g) => ({
                  label: `Actions for ${g.name}`,
                  items: [
                    { label: "Rename", onSelect: () => setEditing(g) },
                    { label: "Delete", onSelect: () => setDeleting(g), danger: true },
                  ],
                })
              : undefined
          }
        />
      </div>
      {editing ? <GroupNameModal group={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete panel group"
        message={deleting ? `Delete the panel group ${deleting.name}? Only an empty group can be deleted.` : ""}
        confirmLabel="Yes, delete"
        danger
        onConfirm={async () => {
          await run(() => deletePanelGroupAction({ id: deleting!.id }));
        }}
      />
    </div>
  );
}

function GroupNameModal({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/panels/schemas").then((m) => m.panelGroupSchema), savePanelGroupAction, {
    defaultValues: { id: group?.id, name: group?.name ?? "" },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <FormModal title={group ? "Rename panel group" : "Add panel group"} formId="group-form" onSubmit={submit} onClose={onClose} pending={pending} size="sm">
      <FormError message={formError} />
      <Field label="Name" error={form.formState.errors.name?.message}>
        {(p) => <input {...p} className="input" {...form.register("name")} />}
      </Field>
    </FormModal>
  );
}
