"use client";
import { installerSignOutAction } from "@/app/installer/actions";

export function SignOutButton() {
  return (
    <button type="button" className="btn-secondary" onClick={() => void installerSignOutAction()}>
      Sign out
    </button>
  );
}
