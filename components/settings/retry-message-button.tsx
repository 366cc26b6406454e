"use client";
import { useState } from "react";
import { retryFailedMessageAction } from "@/app/(admin)/settings/email/actions";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";

/** Retry: a failed message (after its last attempt) is queued again. */
export function RetryMessageButton({ id, to }: { id: string; to: string }) {
  const [pending, setPending] = useState(false);
  const run = useActionRunner();
  return (
    <button
      type="button"
      className="btn-secondary px-2 py-0.5 text-xs"
      aria-label={`Retry the message to ${to}`}
      disabled={pending}
      aria-busy={pending}
      onClick={async () => {
        setPending(true);
        try {
          await run(() => retryFailedMessageAction({ id }));
        } finally {
          setPending(false);
        }
      }}
    >
      {pending ? <Spinner /> : null}
      Retry
    </button>
  );
}
