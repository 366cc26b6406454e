"use client";
import { useState } from "react";
import { setRequireMfaAction } from "@/app/(admin)/settings/security/actions";
import { Spinner } from "@/components/ui/confirm-dialog";
import { useActionRunner } from "@/components/ui/use-action-runner";

/** "Require two-step verification for all employees": those without it are sent to set it up at their next page. */
export function RequireMfaForm({ requireMfa, disabled }: { requireMfa: boolean; disabled: boolean }) {
  const [checked, setChecked] = useState(requireMfa);
  const [pending, setPending] = useState(false);
  const run = useActionRunner();
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        try {
          const result = await run(() => setRequireMfaAction({ requireMfa: checked }));
          if (!result.ok) setChecked(requireMfa);
        } finally {
          setPending(false);
        }
      }}
    >
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-1" checked={checked} disabled={disabled || pending} onChange={(e) => setChecked(e.target.checked)} />
        <span>
          <span className="font-medium">Require two-step verification for all employees</span>
          <span className="block text-slate-600 dark:text-slate-400">Employees without it are sent to set it up after they sign in, and can do nothing else until they have.</span>
        </span>
      </label>
      <button type="submit" className="btn-primary" disabled={disabled || pending || checked === requireMfa} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Save
      </button>
    </form>
  );
}
