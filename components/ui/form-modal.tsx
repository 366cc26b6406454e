"use client";
import { Spinner } from "./confirm-dialog";
import { Modal } from "./modal";

/** A modal holding one form: Cancel and a submit button with a pending state; never closes mid-save. */
export function FormModal({
  title,
  formId,
  onSubmit,
  onClose,
  pending,
  children,
  submitLabel = "Save",
  submitDisabled,
  open = true,
  size,
}: {
  title: string;
  formId: string;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  onClose: () => void;
  pending: boolean;
  children: React.ReactNode;
  submitLabel?: string;
  submitDisabled?: boolean;
  open?: boolean;
  size?: "sm" | "md";
}) {
  return (
    <Modal
      open={open}
      size={size}
      onOpenChange={(o) => !o && !pending && onClose()}
      title={title}
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn-primary" disabled={pending || submitDisabled} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            {submitLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
        {children}
      </form>
    </Modal>
  );
}
