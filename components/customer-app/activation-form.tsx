"use client";
import { useState } from "react";
import { completeActivationAction, sendActivationCodeAction } from "@/app/app/activate/[token]/actions";
import { Spinner } from "@/components/ui/confirm-dialog";
import { Field, FormError, Notice } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { activationCodeSchema } from "@/lib/customer-app/schemas";

/** The phone's activation step: with SMS verification, send the code, then enter it; otherwise one button. */
export function ActivationForm({ token, requireSms, phoneEnding, codeSent }: { token: string; requireSms: boolean; phoneEnding: string; codeSent: boolean }) {
  const [sent, setSent] = useState(codeSent);
  const [sendState, setSendState] = useState<{ pending: boolean; error: string | null; message: string | null }>({ pending: false, error: null, message: null });
  const { form, submit, formError, pending } = useActionForm(requireSms ? activationCodeSchema : activationCodeSchema.partial({ code: true }), completeActivationAction, {
    defaultValues: { token, code: "" },
  });
  async function sendCode() {
    setSendState({ pending: true, error: null, message: null });
    const result = await sendActivationCodeAction({ token });
    setSendState({ pending: false, error: result.ok ? null : result.error, message: result.ok ? (result.message ?? null) : null });
    if (result.ok) setSent(true);
  }
  if (!requireSms) {
    return (
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={formError} />
        <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
          {pending ? <Spinner /> : null}
          Activate
        </button>
      </form>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">We text a 6-digit code to your mobile phone ending in {phoneEnding} to check it is yours. The code expires in 10 minutes.</p>
      {sendState.message ? <Notice tone="info">{sendState.message}</Notice> : null}
      <FormError message={sendState.error} />
      <button type="button" className={sent ? "btn-secondary w-full" : "btn-primary w-full"} onClick={() => void sendCode()} disabled={sendState.pending} aria-busy={sendState.pending}>
        {sendState.pending ? <Spinner /> : null}
        {sent ? "Send a new code" : "Send code"}
      </button>
      {sent ? (
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormError message={formError} />
          <Field label="Verification code" error={form.formState.errors.code?.message}>
            {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" className="input" {...form.register("code")} />}
          </Field>
          <button type="submit" className="btn-primary w-full" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            Activate
          </button>
        </form>
      ) : null}
    </div>
  );
}
