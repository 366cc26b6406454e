"use client";
// Usergroups (seed 002): name, Is External, Can Access App, and the permission groups an internal usergroup holds.
import { useState } from "react";
import { deleteUsergroupAction, saveUsergroupAction } from "@/app/(admin)/logins/usergroups/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataGrid } from "@/components/ui/data-grid";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";
import type { UsergroupsPageData } from "@/lib/logins/queries";

type Row = UsergroupsPageData["rows"][number];

export function UsergroupsScreen({ data }: { data: UsergroupsPageData }) {
  const run = useActionRunner();
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Usergroups</h1>
        {data.permissions.manage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            +Create
          </button>
        ) : null}
      </header>
      <div className="card">
        <DataGrid
          caption="Usergroups"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          empty="No usergroups yet."
          columns={[
            { key: "name", header: "Name", cell: (r) => (r.builtIn ? `${r.name} (built-in)` : r.name) },
            { key: "external", header: "Is External", cell: (r) => (r.isExternal ? "Yes" : "No") },
            { key: "app", header: "Can Access App", cell: (r) => (r.canAccessApp ? "Yes" : "No") },
            { key: "permissions", header: "Permission groups", cell: (r) => (r.isExternal ? "None (external)" : r.permissionGroups.join(", ") || "None") },
            { key: "logins", header: "Logins", className: "num", cell: (r) => r.logins },
          ]}
          rowMenu={
            data.permissions.manage
              ? (r) => ({
                  label: `Actions for ${r.name}`,
                  items: [{ label: "Edit", onSelect: () => setEditing(r) }, ...(r.builtIn ? [] : [{ label: "Delete", onSelect: () => setDeleting(r), danger: true }])],
                })
              : undefined
          }
        />
      </div>
      {editing ? <UsergroupModal group={editing === "new" ? null : editing} groupNames={data.permissionGroupNames} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete usergroup"
        message={deleting ? `Delete the usergroup ${deleting.name}? Only a usergroup without logins can be deleted.` : ""}
        confirmLabel="Yes, delete"
        danger
        onConfirm={async () => {
          await run(() => deleteUsergroupAction({ id: deleting!.id }));
        }}
      />
    </div>
  );
}

function UsergroupModal({ group, groupNames, onClose }: { group: Row | null; groupNames: string[]; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.saveUsergroupSchema), saveUsergroupAction, {
    defaultValues: {
      id: group?.id,
      name: group?.name ?? "",
      isExternal: group?.isExternal ?? true,
      canAccessApp: group?.canAccessApp ?? true,
      permissionGroups: group?.permissionGroups ?? [],
    },
    edit: !!group,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const external = form.watch("isExternal");
  const { errors } = form.formState;
  return (
    <FormModal title={group ? `Edit ${group.name}` : "Create usergroup"} formId="usergroup-form" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" disabled={group?.builtIn} {...form.register("name")} />}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" disabled={group?.builtIn} {...form.register("isExternal")} />
        Is External <span className="text-slate-500 dark:text-slate-400">(its logins may use the customer portal)</span>
      </label>
      {errors.isExternal?.message ? <p className="text-sm text-red-600 dark:text-red-400">{errors.isExternal.message}</p> : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("canAccessApp")} />
        Can Access App
      </label>
      {external ? null : (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Permission groups</legend>
          {groupNames.map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={name} {...form.register("permissionGroups")} />
              {name}
            </label>
          ))}
        </fieldset>
      )}
    </FormModal>
  );
}
