"use client";
import { useState } from "react";
import { deleteUserCodeAction, generateUserCodeAction } from "@/app/app/team/[id]/actions";
import { ConfirmDialog, Spinner } from "@/components/ui/confirm-dialog";
import { Modal } from "@/components/ui/modal";
import { useActionRunner } from "@/components/ui/use-action-runner";

/** Generate user code: To View shows it once to the manager; To Send texts it to the person, never shown here. */
export function GenerateUserCode({ contactId, siteId, siteName, canSend }: { contactId: string; siteId: string; siteName: string; canSend: boolean }) {
  const run = useActionRunner();
  const [pending, setPending] = useState<"view" | "send" | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  async function generate(delivery: "view" | "send") {
    setPending(delivery);
    try {
      const result = await run(() => generateUserCodeAction({ contactId, siteId, delivery }));
      if (result.ok && result.data?.code) setShown(result.data.code);
    } finally {
      setPending(null);
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Generate user code at ${siteName}`}>
      <span className="text-sm">Generate user code:</span>
      <button type="button" className="btn-secondary" disabled={!!pending} aria-busy={pending === "view"} onClick={() => void generate("view")}>
        {pending === "view" ? <Spinner /> : null}
        To View
      </button>
      <button
        type="button"
        className="btn-secondary"
        disabled={!!pending || !canSend}
        aria-busy={pending === "send"}
        onClick={() => void generate("send")}
        title={canSend ? undefined : "No mobile phone to text it to"}
      >
        {pending === "send" ? <Spinner /> : null}
        To Send
      </button>
      <Modal
        open={!!shown}
        onOpenChange={(o) => !o && setShown(null)}
        title="User code"
        size="sm"
        footer={
          <button type="button" className="btn-primary" onClick={() => setShown(null)}>
            Done
          </button>
        }
      >
        <p className="text-sm">The new user code at {siteName}. It is shown only now: give it to the person.</p>
        <p className="mt-3 text-center font-mono text-3xl tracking-widest" data-testid="user-code">
          {shown}
        </p>
      </Modal>
    </div>
  );
}

export function DeleteUserCode({ credentialId, personName }: { credentialId: string; personName: string }) {
  const run = useActionRunner();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn-secondary text-xs" onClick={() => setOpen(true)}>
        Delete code
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete user code"
        danger
        confirmLabel="Delete"
        message={`${personName}'s user code stops working at once.`}
        onConfirm={async () => (await run(() => deleteUserCodeAction({ credentialId }))).ok}
      />
    </>
  );
}
