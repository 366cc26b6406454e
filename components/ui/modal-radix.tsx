"use client";
// The Radix part of Modal (components/ui/modal.tsx), loaded when a modal first opens.
import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";

export type ModalProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
  variant?: "dialog" | "drawer";
  headerActions?: React.ReactNode;
  size?: "sm" | "md";
};

/**
 * What had the focus when the modal opened: the button, the row, or, for an item of a menu (which
 * closes as the modal opens), the menu's button.
 */
function opener(): HTMLElement | null {
  const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const menuButton = active?.closest("[role=menu]")?.getAttribute("aria-labelledby");
  return (menuButton ? document.getElementById(menuButton) : null) ?? active;
}

export function RadixModal({ open, onOpenChange, title, description, children, footer, variant = "dialog", headerActions, size = "md" }: ModalProps) {
  // Radix gives the focus back to a Dialog.Trigger; these modals open from state or from the URL
  // without one, so on close the focus fell to the page's start and a keyboard user lost their place.
  const [returnFocusTo] = useState(opener);
  const panel =
    variant === "drawer"
      ? "fixed inset-y-0 right-0 z-50 flex w-full max-w-md flex-col border-l border-slate-200 bg-white shadow-xl dark:border-slate-800 dark:bg-slate-900"
      : `fixed left-1/2 top-1/2 z-50 flex max-h-[90vh] w-[calc(100vw-2rem)] ${size === "sm" ? "max-w-sm" : "max-w-lg"} -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl dark:bg-slate-900`;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 dark:bg-black/60" />
        <Dialog.Content
          className={panel}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (returnFocusTo?.isConnected) returnFocusTo.focus();
          }}
        >
          <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <div className="flex items-center gap-1">
              {headerActions}
              <Dialog.Close className="btn-icon" aria-label="Close">
                <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </Dialog.Close>
            </div>
          </div>
          {description ? (
            <Dialog.Description asChild>
              <div className="px-5 pt-4 text-sm text-slate-700 dark:text-slate-300">{description}</div>
            </Dialog.Description>
          ) : (
            <Dialog.Description className="sr-only">{title}</Dialog.Description>
          )}
          <div className="flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer ? <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3 dark:border-slate-800">{footer}</div> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
