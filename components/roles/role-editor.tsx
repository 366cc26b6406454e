"use client";
import { saveRoleAction } from "@/app/(admin)/roles/actions";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError, Notice } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { PERMISSION_GROUPS } from "@/lib/access/permissions";
import type { RoleRow, RolesPageData } from "@/lib/roles/queries";

/** Create or edit a role: permissions by group (with a whole-group toggle) and panel-group visibility. */
export function RoleEditor({ role, data, onClose }: { role: RoleRow | null; data: RolesPageData; onClose: () => void }) {
  const show = useResultToasts();
  const beyondMine = !!role && role.builtIn !== "ORGANIZATION_MANAGER" && !role.withinMine;
  const readOnly = !data.permissions.manage || role?.builtIn === "ORGANIZATION_MANAGER" || beyondMine;
  const held = new Set<string>(data.actorPermissions);
  const grantable = (p: string) => held.has(p);
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/roles/schemas").then((m) => m.roleSchema), saveRoleAction, {
    defaultValues: {
      id: role?.id,
      name: role?.name ?? "",
      permissions: role?.permissions ?? [],
      allPanelGroups: role?.allPanelGroups ?? true,
      panelGroupIds: role?.panelGroupIds ?? [],
    },
    edit: !!role,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const selected = new Set(form.watch("permissions") ?? []);
  const allGroups = form.watch("allPanelGroups");

  function toggleGroup(keys: string[], on: boolean) {
    const next = new Set(selected);
    for (const k of keys) {
      if (!grantable(k)) continue;
      if (on) next.add(k);
      else next.delete(k);
    }
    form.setValue("permissions", [...next], { shouldDirty: true });
  }

  return (
    <Modal
      open
      onOpenChange={(o) => !o && !pending && onClose()}
      title={role ? (readOnly ? role.name : `Edit role ${role.name}`) : "Add role"}
      footer={
        readOnly ? (
          <button type="button" className="btn-secondary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="btn-secondary" onClick={onClose} disabled={pending}>
              Cancel
            </button>
            <button type="submit" form="role-form" className="btn-primary" disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null}
              Save
            </button>
          </>
        )
      }
    >
      <form id="role-form" onSubmit={submit} noValidate className="space-y-5">
        <FormError message={formError} />
        {role?.builtIn === "ORGANIZATION_MANAGER" ? <Notice tone="info">The Organization Manager role always holds every permission and sees every panel group.</Notice> : null}
        {beyondMine && data.permissions.manage ? <Notice tone="info">This role has permissions or panel groups beyond your own, so you can view it but not change it.</Notice> : null}
        <Field label="Name" error={form.formState.errors.name?.message} hint={role?.builtIn ? "Built-in roles keep their name." : undefined}>
          {(p) => <input {...p} className="input" readOnly={readOnly || !!role?.builtIn} {...form.register("name")} />}
        </Field>
        {PERMISSION_GROUPS.map((group) => {
          const keys = Object.keys(group.permissions);
          const on = keys.filter((k) => selected.has(k)).length;
          return (
            <fieldset key={group.name} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <legend className="px-1 text-sm font-semibold">{group.name}</legend>
              <label className="mb-2 flex items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  disabled={readOnly}
                  checked={on === keys.length}
                  ref={(el) => {
                    if (el) el.indeterminate = on > 0 && on < keys.length;
                  }}
                  onChange={(e) => toggleGroup(keys, e.target.checked)}
                  aria-label={`All ${group.name} permissions`}
                />
                All {group.name.toLowerCase()} permissions
              </label>
              <div className="grid gap-1 pl-6 sm:grid-cols-2">
                {Object.entries(group.permissions).map(([key, label]) => (
                  <label key={key} className="flex items-center gap-2 text-sm" title={grantable(key) ? undefined : "You do not hold this permission, so you cannot grant it."}>
                    <input type="checkbox" className="h-4 w-4" value={key} disabled={readOnly || !grantable(key)} {...form.register("permissions")} />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-semibold">Panel groups this role sees</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" className="h-4 w-4" disabled={readOnly || !data.actorSeesAllGroups} checked={!!allGroups} onChange={() => form.setValue("allPanelGroups", true)} />
            All groups
          </label>
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input type="radio" className="h-4 w-4" disabled={readOnly} checked={!allGroups} onChange={() => form.setValue("allPanelGroups", false)} />
            Only these groups
          </label>
          {!allGroups ? (
            <div className="mt-2 grid gap-1 pl-6 sm:grid-cols-2">
              {data.groups.map((g) => (
                <label key={g.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" className="h-4 w-4" value={g.id} disabled={readOnly} {...form.register("panelGroupIds")} />
                  {g.name}
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
      </form>
    </Modal>
  );
}
