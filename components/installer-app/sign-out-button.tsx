"use client";
import { installerSignOutAction, installerSignOutOtherSessionsAction } from "@/app/installer/actions";
import Link from "next/link";
import { useActionRunner } from "@/components/ui/use-action-runner";

export function SignOutButton() {
  const run = useActionRunner();
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Link href="/installer/account/password" className="btn-secondary">
        Change password
      </Link>
      <button type="button" className="btn-secondary" onClick={() => void run(() => installerSignOutOtherSessionsAction())}>
        Sign out of all other sessions
      </button>
      <button type="button" className="btn-secondary" onClick={() => void installerSignOutAction()}>
        Sign out
      </button>
    </div>
  );
}
