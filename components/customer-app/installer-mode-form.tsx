"use client";
import { useState } from "react";
import { setInstallerModeAction } from "@/app/app/sites/[id]/actions";
import { Spinner } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { INSTALLER_MODE_DURATIONS, type InstallerModeDuration } from "@/lib/customer-app/rules";

/** Site Settings → Installer Mode: on for a chosen time, or off. */
export function InstallerModeForm({ siteId, on, until, timeZone }: { siteId: string; on: boolean; until: Date | null; timeZone: string }) {
  const [duration, setDuration] = useState<InstallerModeDuration>("2h");
  const [pending, setPending] = useState(false);
  const run = useActionRunner();
  const submit = async (turnOn: boolean) => {
    setPending(true);
    try {
      await run(() => setInstallerModeAction({ siteId, on: turnOn, duration: turnOn ? duration : undefined }));
    } finally {
      setPending(false);
    }
  };
  if (on) {
    return (
      <div className="space-y-3">
        <p className="text-sm" data-testid="installer-mode-state">
          Installer Mode is on{" "}
          {until ? (
            <>
              until <DateTime value={until} timeZone={timeZone} />
            </>
          ) : (
            "until you turn it off"
          )}
          . Your dealer can change this site meanwhile.
        </p>
        <button type="button" className="btn-secondary" disabled={pending} aria-busy={pending} onClick={() => void submit(false)}>
          {pending ? <Spinner /> : null}
          Turn off Installer Mode
        </button>
      </div>
    );
  }
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(true);
      }}
    >
      <p className="text-sm" data-testid="installer-mode-state">
        Installer Mode is off: your dealer cannot change this site.
      </p>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Turn on for</legend>
        {(Object.keys(INSTALLER_MODE_DURATIONS) as InstallerModeDuration[]).map((key) => (
          <label key={key} className="flex items-center gap-2 text-sm">
            <input type="radio" name="duration" value={key} checked={duration === key} onChange={() => setDuration(key)} />
            {INSTALLER_MODE_DURATIONS[key].label}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner /> : null}
        Turn on Installer Mode
      </button>
    </form>
  );
}
