"use client";
import { customerSignOutAction, customerSignOutOtherSessionsAction } from "@/app/app/actions";
import { useActionRunner } from "@/components/ui/use-action-runner";

export function CustomerSignOutButtons() {
  const run = useActionRunner();
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <button type="button" className="btn-secondary" onClick={() => void run(() => customerSignOutOtherSessionsAction())}>
        Sign out of all other sessions
      </button>
      <button type="button" className="btn-secondary" onClick={() => void customerSignOutAction()}>
        Sign out
      </button>
    </div>
  );
}
