"use client";
// One accessible modal (Radix Dialog: focus trap, Escape, labelled title) used everywhere,
// as a centred dialog or as a drawer from the right side. Closed, it renders nothing, and Radix
// loads with the first modal opened: no page pays for the dialog code in its first load.
import dynamic from "next/dynamic";
import type { ModalProps } from "./modal-radix";

const RadixModal = dynamic(() => import("./modal-radix").then((m) => m.RadixModal), { ssr: false });

export function Modal(props: ModalProps) {
  return props.open ? <RadixModal {...props} /> : null;
}
