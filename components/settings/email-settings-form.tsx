"use client";
import { removeSmtpSettingsAction, saveSmtpSettingsAction, sendTestEmailAction } from "@/app/(admin)/settings/email/actions";
import { useState } from "react";
import { ConfirmDialog, Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError, Notice } from "@/components/ui/field";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { useActionForm } from "@/components/ui/use-action-form";

type Saved = { host: string; port: number; secure: boolean; username: string; fromAddress: string; hasPassword: boolean } | null;

export function EmailSettingsForm({ saved, canManage, environmentOverrides }: { saved: Saved; canManage: boolean; environmentOverrides: boolean }) {
  const show = useResultToasts();
  const [testing, setTesting] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/settings/schemas").then((m) => m.smtpSettingsSchema), saveSmtpSettingsAction, {
    defaultValues: { host: saved?.host ?? "", port: saved?.port ?? 587, secure: saved?.secure ?? false, username: saved?.username ?? "", password: "", fromAddress: saved?.fromAddress ?? "" },
    onSuccess: (r) => {
      show(r);
      form.setValue("password", "");
    },
  });
  const { errors } = form.formState;

  async function test() {
    setTesting(true);
    try {
      show(await sendTestEmailAction());
    } finally {
      setTesting(false);
    }
  }

  return (
    <section className="card space-y-4 p-5" aria-labelledby="smtp-heading">
      <div className="flex items-center justify-between">
        <h2 id="smtp-heading" className="font-semibold">
          SMTP settings
        </h2>
        {canManage ? (
          <button type="button" className="btn-secondary" onClick={test} disabled={testing} aria-busy={testing}>
            {testing ? <Spinner /> : null}
            Send test email
          </button>
        ) : null}
      </div>
      {environmentOverrides ? <Notice tone="info">The server environment configures email; saved settings apply only when it does not.</Notice> : null}
      {!canManage ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {saved ? `Saved: ${saved.host}:${saved.port}, from ${saved.fromAddress}.` : "No SMTP settings are saved."} You need the permission to change settings to edit them.
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <FormError message={formError} />
          </div>
          <Field label="Host" error={errors.host?.message}>
            {(p) => <input {...p} className="input" placeholder="smtp.example.com" {...form.register("host")} />}
          </Field>
          <Field label="Port" error={errors.port?.message}>
            {(p) => <input {...p} className="input" inputMode="numeric" {...form.register("port")} />}
          </Field>
          <Field label="User name" error={errors.username?.message}>
            {(p) => <input {...p} className="input" autoComplete="off" {...form.register("username")} />}
          </Field>
          <Field label="Password" error={errors.password?.message} hint={saved?.hasPassword ? "Stored encrypted. Leave empty to keep it for the same server and username." : "Stored encrypted."}>
            {(p) => <input {...p} type="password" className="input" autoComplete="new-password" {...form.register("password")} />}
          </Field>
          <Field label="From address" error={errors.fromAddress?.message}>
            {(p) => <input {...p} className="input" placeholder="Dealer <alerts@example.com>" {...form.register("fromAddress")} />}
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" className="h-4 w-4" {...form.register("secure")} />
            Use TLS from the start (port 465)
          </label>
          <div className="flex gap-2 sm:col-span-2">
            <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null}
              Save
            </button>
            {saved ? (
              <button type="button" className="btn-secondary" onClick={() => setConfirmRemove(true)}>
                Remove settings
              </button>
            ) : null}
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirmRemove}
        onOpenChange={setConfirmRemove}
        title="Remove SMTP settings"
        message="Email will stop going out through this server. Messages will wait in the outbox until email is configured again."
        confirmLabel="Yes, remove"
        danger
        onConfirm={async () => {
          show(await removeSmtpSettingsAction());
        }}
      />
    </section>
  );
}
