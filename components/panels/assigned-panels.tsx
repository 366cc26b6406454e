"use client";
// The Panels section of an installer's or employee's details: IMEI, account code, a link to the
// panel group, the + assign icon and an unassign icon per panel (with a confirmation).
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AssignedPanel } from "@/lib/panels/queries";

export function AssignedPanels({
  owner,
  panels,
  panelCount,
  hiddenPanels,
  canAssign,
  canUnassign,
  onAssign,
  onUnassign,
}: {
  owner: "installer" | "employee";
  panels: AssignedPanel[];
  panelCount: number;
  hiddenPanels: number;
  canAssign: boolean;
  canUnassign: boolean;
  onAssign: () => void;
  onUnassign: (panel: AssignedPanel) => Promise<void>;
}) {
  const [unassign, setUnassign] = useState<AssignedPanel | null>(null);
  return (
    <section className="mt-6" aria-labelledby="panels-heading">
      <div className="flex items-center justify-between">
        <h3 id="panels-heading" className="font-semibold">
          Panels <span className="text-sm font-normal text-slate-500 dark:text-slate-400">({panelCount})</span>
        </h3>
        {canAssign ? (
          <button type="button" className="btn-icon text-xl" aria-label="Assign panel" onClick={onAssign}>
            <span aria-hidden>+</span>
          </button>
        ) : null}
      </div>
      {panels.length === 0 && hiddenPanels === 0 ? <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">No panels are assigned to this {owner}.</p> : null}
      <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800" aria-label="Assigned panels">
        {panels.map((p) => (
          <li key={p.id} className="flex items-center justify-between gap-2 py-2 text-sm">
            <div>
              <p className="font-mono">{p.imei}</p>
              <p className="text-slate-500 dark:text-slate-400">
                Account code <span className="font-mono">{p.accountCode}</span> ·{" "}
                <Link href={`/panels/groups/${p.panelGroupId}`} className="link">
                  {p.panelGroupName}
                </Link>
                {!p.installerAppAccess ? <span className="ml-1 text-amber-700 dark:text-amber-400">· installer app access off</span> : null}
              </p>
            </div>
            {canUnassign ? (
              <button type="button" className="btn-icon text-xl" aria-label={`Unassign panel ${p.imei}`} onClick={() => setUnassign(p)}>
                <span aria-hidden>−</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {hiddenPanels ? (
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          {hiddenPanels} more {hiddenPanels === 1 ? "panel is" : "panels are"} in groups your role cannot see.
        </p>
      ) : null}
      <ConfirmDialog
        open={!!unassign}
        onOpenChange={(o) => !o && setUnassign(null)}
        title="Unassign panel"
        message={`Do you want to unassign this panel from the ${owner}?`}
        confirmLabel="Yes, unassign"
        danger
        onConfirm={() => onUnassign(unassign!)}
      />
    </section>
  );
}
