"use client";
import { useState } from "react";
import { sendMyselfMobileInvitationAction } from "@/app/app/actions";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";

/** Seed 001: lost the phone or the app login? Send yourself a new mobile invitation. */
export function SendMyselfInvitation({ email }: { email: string }) {
  const run = useActionRunner();
  const [pending, setPending] = useState(false);
  return (
    <section className="card space-y-2 p-4 text-sm" aria-labelledby="mobile-app">
      <h2 id="mobile-app" className="font-semibold">
        Mobile app
      </h2>
      <p className="text-slate-600 dark:text-slate-400">New phone, or lost the app login? We email you ({email}) a new mobile invitation; open it on your phone to activate the app again.</p>
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        aria-busy={pending}
        onClick={async () => {
          setPending(true);
          try {
            await run(() => sendMyselfMobileInvitationAction());
          } finally {
            setPending(false);
          }
        }}
      >
        {pending ? <Spinner /> : null}
        Send me a mobile invitation
      </button>
    </section>
  );
}
