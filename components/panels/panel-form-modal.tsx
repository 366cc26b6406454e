"use client";
import { savePanelAction } from "@/app/(admin)/panels/actions";
import { FormModal } from "@/components/ui/form-modal";
import { Field, FormError } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import type { PanelRow } from "@/lib/panels/queries";

export function PanelFormModal({ panel, groups, defaultGroupId, onClose }: { panel: PanelRow | null; groups: { id: string; name: string }[]; defaultGroupId?: string; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/panels/schemas").then((m) => m.panelSchema), savePanelAction, {
    defaultValues: {
      id: panel?.id,
      imei: panel?.imei ?? "",
      accountCode: panel?.accountCode ?? "",
      panelGroupId: panel?.panelGroupId ?? defaultGroupId ?? "",
      installerAppAccess: panel?.installerAppAccess ?? true,
    },
    edit: !!panel,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title={panel ? "Edit panel" : "Add panel"} formId="panel-form" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <Field label="IMEI" error={errors.imei?.message} hint="15 digits, as printed on the panel.">
        {(p) => <input {...p} inputMode="numeric" className="input font-mono" {...form.register("imei")} />}
      </Field>
      <Field label="Account code" error={errors.accountCode?.message} hint="4 to 6 hexadecimal characters.">
        {(p) => <input {...p} className="input font-mono uppercase" {...form.register("accountCode")} />}
      </Field>
      <Field label="Panel group" error={errors.panelGroupId?.message}>
        {(p) => (
          <select {...p} className="input" {...form.register("panelGroupId")}>
            <option value="">Select a panel group</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4" {...form.register("installerAppAccess")} />
        Installer app access
      </label>
    </FormModal>
  );
}
