"use client";
import { useState } from "react";
import { Modal } from "./modal";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  message: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  /** Resolves true to close the dialog. */
  onConfirm: () => Promise<boolean | void>;
};

/** Confirmation before a consequential action; the confirm button shows a pending state. */
export function ConfirmDialog({ open, onOpenChange, title, message, confirmLabel, cancelLabel = "Cancel", danger, onConfirm }: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);
  async function confirm() {
    setPending(true);
    try {
      const close = await onConfirm();
      if (close !== false) onOpenChange(false);
    } finally {
      setPending(false);
    }
  }
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !pending && onOpenChange(o)}
      title={title}
      size="sm"
      description={message}
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={() => onOpenChange(false)} disabled={pending}>
            {cancelLabel}
          </button>
          <button type="button" className={danger ? "btn-danger" : "btn-primary"} onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            {confirmLabel}
          </button>
        </>
      }
    />
  );
}

export function Spinner() {
  return <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent" />;
}
