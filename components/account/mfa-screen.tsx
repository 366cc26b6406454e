"use client";
import { useState } from "react";
import { confirmMfaEnrolmentAction, disableMfaAction, regenerateRecoveryCodesAction } from "@/app/(admin)/account/mfa/actions";
import { ConfirmDialog, Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError, Notice } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { useToast } from "@/components/ui/toast";

type Status = { enrolled: boolean; required: boolean; recoveryCodesLeft: number };
type Enrolment = { secret: string; qrDataUrl: string } | null;

/** Set up, manage or turn off two-step verification. The recovery codes are shown once, right after they are made. */
export function MfaScreen({ status, enrolment }: { status: Status; enrolment: Enrolment }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [confirmNewCodes, setConfirmNewCodes] = useState(false);
  const run = useActionRunner();
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  if (!status.enrolled) {
    return (
      <div className="space-y-4">
        {status.required ? <Notice>Your organization requires two-step verification. Set it up to continue.</Notice> : null}
        {enrolment ? <EnrolForm enrolment={enrolment} onDone={setRecoveryCodes} /> : null}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <section className="card space-y-3 p-6">
        <h2 className="font-semibold">Two-step verification is on</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          After your password, sign-in asks for the code from your authenticator app. Recovery codes left: <span data-testid="recovery-codes-left">{status.recoveryCodesLeft}</span>.
        </p>
        <button type="button" className="btn-secondary" onClick={() => setConfirmNewCodes(true)}>
          New recovery codes
        </button>
      </section>
      {status.required ? (
        <Notice tone="info">Your organization requires two-step verification, so it cannot be turned off.</Notice>
      ) : (
        <section className="card space-y-3 p-6">
          <h2 className="font-semibold">Turn off two-step verification</h2>
          <DisableForm />
        </section>
      )}
      <ConfirmDialog
        open={confirmNewCodes}
        onOpenChange={setConfirmNewCodes}
        title="New recovery codes"
        message="Make 10 new recovery codes? The ones you have now stop working."
        confirmLabel="Yes, make new codes"
        onConfirm={async () => {
          const result = await run(() => regenerateRecoveryCodesAction());
          if (result.ok && result.data) setRecoveryCodes(result.data.recoveryCodes);
        }}
      />
    </div>
  );
}

function EnrolForm({ enrolment, onDone }: { enrolment: NonNullable<Enrolment>; onDone: (codes: string[]) => void }) {
  const toast = useToast();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.confirmMfaSchema), confirmMfaEnrolmentAction, {
    defaultValues: { code: "" },
    onSuccess: (result) => {
      if (result.message) toast("success", result.message);
      if (result.data) onDone(result.data.recoveryCodes);
    },
  });
  const { errors } = form.formState;
  return (
    <section className="card space-y-4 p-6">
      <h2 className="font-semibold">Set up two-step verification</h2>
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or 1Password).</li>
        <li>Scan this QR code, or enter the key below by hand.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an optimisable image */}
      <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" width={180} height={180} className="rounded border border-slate-200 bg-white p-2" />
      <p className="text-sm">
        Key:{" "}
        <code className="font-mono tracking-wider break-all" data-testid="mfa-secret">
          {enrolment.secret}
        </code>
      </p>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={formError} />
        <Field label="Code from the app" error={errors.code?.message}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" className="input tracking-widest" {...form.register("code")} />}
        </Field>
        <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending}>
          {pending ? <Spinner /> : null}
          Turn on
        </button>
      </form>
    </section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <section className="card space-y-4 p-6" aria-labelledby="recovery-codes">
      <h2 id="recovery-codes" className="font-semibold">
        Your recovery codes
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">Each code signs you in once if you lose your phone. Save them somewhere safe now: they are not shown again.</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c} className="rounded bg-slate-100 px-2 py-1 dark:bg-slate-800">
            {c}
          </li>
        ))}
      </ul>
      <button type="button" className="btn-primary" onClick={onDone}>
        I have saved them
      </button>
    </section>
  );
}

function DisableForm() {
  const toast = useToast();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/auth/schemas").then((m) => m.disableMfaSchema), disableMfaAction, {
    defaultValues: { password: "" },
    onSuccess: (result) => result.message && toast("success", result.message),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field label="Password" error={errors.password?.message} hint="Your password, to confirm it is you.">
        {(p) => <input {...p} type="password" autoComplete="current-password" className="input" {...form.register("password")} />}
      </Field>
      <button type="submit" className="btn-danger" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Turn off
      </button>
    </form>
  );
}
