"use client";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog, Spinner } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { Modal } from "@/components/ui/modal";
import { useActionRunner } from "@/components/ui/use-action-runner";
import type { InstallerDetails, InstallerPanelItem } from "@/lib/installers/queries";
import type { InstallerPermissions } from "@/lib/installers/page";
import type { InstallerAction } from "@/lib/installers/status";
import { useCallback } from "react";
import { AssignPanelModal } from "@/components/panels/assign-panel-modal";
import { InstallerActionsMenu } from "./installer-actions-menu";
import { StatusBadge } from "./status-badge";
import type { InstallersActions } from "./types";

export function InstallerDrawer({
  details,
  onClose,
  permissions,
  timeZone,
  actions,
  onAction,
}: {
  details: InstallerDetails;
  onClose: () => void;
  permissions: InstallerPermissions;
  timeZone: string;
  actions: InstallersActions;
  onAction: (action: InstallerAction) => void;
}) {
  const run = useActionRunner();
  const [assigning, setAssigning] = useState(false);
  const [unassign, setUnassign] = useState<InstallerPanelItem | null>(null);
  const [resending, setResending] = useState(false);
  const search = useCallback((q: string) => actions.searchAssignablePanelsAction({ installerId: details.id, q }), [actions, details.id]);

  return (
    <Modal
      open
      variant="drawer"
      onOpenChange={(o) => !o && onClose()}
      title={details.name}
      headerActions={<InstallerActionsMenu name={details.name} status={details.status} permissions={permissions} onAction={onAction} />}
    >
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-3 text-sm">
        <dt className="text-slate-500">Name</dt>
        <dd>{details.name}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd className="break-all">{details.email}</dd>
        <dt className="text-slate-500">Phone</dt>
        <dd>{details.phone}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>
          <DateTime value={details.createdAt} timeZone={timeZone} />
        </dd>
        <dt className="text-slate-500">Last login</dt>
        <dd>{details.lastLoginAt ? <DateTime value={details.lastLoginAt} timeZone={timeZone} /> : <span className="text-slate-500">Never</span>}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd>
          <StatusBadge status={details.status} />
        </dd>
      </dl>

      {!details.registrationCompleted ? (
        <div className="mt-4 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
          <p>This installer has not finished registration yet.</p>
          {permissions.add ? (
            <button
              type="button"
              className="btn-secondary mt-2"
              disabled={resending}
              aria-busy={resending}
              onClick={async () => {
                setResending(true);
                await run(() => actions.resendRegistrationCodeAction({ installerId: details.id }));
                setResending(false);
              }}
            >
              {resending ? <Spinner /> : null}
              Resend registration code
            </button>
          ) : null}
        </div>
      ) : null}

      {details.panels ? (
        <section className="mt-6" aria-labelledby="panels-heading">
          <div className="flex items-center justify-between">
            <h3 id="panels-heading" className="font-semibold">
              Panels <span className="text-sm font-normal text-slate-500">({details.panelCount})</span>
            </h3>
            {permissions.assignPanels ? (
              <button type="button" className="btn-icon" aria-label="Assign panel" onClick={() => setAssigning(true)}>
                <PlusIcon />
              </button>
            ) : null}
          </div>
          {details.panels.length === 0 && details.hiddenPanels === 0 ? <p className="mt-2 text-sm text-slate-500">No panels are assigned to this installer.</p> : null}
          <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800" aria-label="Assigned panels">
            {details.panels.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <div>
                  <p className="font-mono">{p.imei}</p>
                  <p className="text-slate-500">
                    Account code <span className="font-mono">{p.accountCode}</span> ·{" "}
                    <Link href={`/panels/groups/${p.panelGroupId}`} className="link">
                      {p.panelGroupName}
                    </Link>
                    {!p.installerAppAccess ? <span className="ml-1 text-amber-700 dark:text-amber-400">· installer app access off</span> : null}
                  </p>
                </div>
                {permissions.unassignPanels ? (
                  <button type="button" className="btn-icon" aria-label={`Unassign panel ${p.imei}`} onClick={() => setUnassign(p)}>
                    <MinusIcon />
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {details.hiddenPanels ? (
            <p className="mt-2 text-xs text-slate-500">
              {details.hiddenPanels} more {details.hiddenPanels === 1 ? "panel is" : "panels are"} in groups your role cannot see.
            </p>
          ) : null}
        </section>
      ) : null}

      {assigning ? (
        <AssignPanelModal
          title="Assign installer to panel"
          email={details.email}
          onClose={() => setAssigning(false)}
          assign={(panelId) => actions.assignPanelAction({ installerId: details.id, panelId })}
          search={search}
        />
      ) : null}
      <ConfirmDialog
        open={!!unassign}
        onOpenChange={(o) => !o && setUnassign(null)}
        title="Unassign panel"
        message="Do you want to unassign this panel from the installer?"
        confirmLabel="Yes, unassign"
        danger
        onConfirm={async () => {
          await run(() => actions.unassignPanelAction({ installerId: details.id, panelId: unassign!.id }));
        }}
      />
    </Modal>
  );
}

function PlusIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
      <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
    </svg>
  );
}

function MinusIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
      <path d="M4 10a.75.75 0 0 1 .75-.75h10.5a.75.75 0 0 1 0 1.5H4.75A.75.75 0 0 1 4 10Z" />
    </svg>
  );
}

export { PlusIcon };
