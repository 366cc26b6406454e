"use client";
import dynamic from "next/dynamic";
import { assignPanelAction, resendRegistrationCodeAction, searchAssignablePanelsAction, unassignPanelAction } from "@/app/(admin)/installers/actions";
import { useState } from "react";
import { Spinner } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { Modal } from "@/components/ui/modal";
import { useActionRunner } from "@/components/ui/use-action-runner";
import type { InstallerDetails } from "@/lib/installers/queries";
import type { InstallerPermissions } from "@/lib/installers/queries";
import type { InstallerAction } from "@/lib/installers/rules";
import { useCallback } from "react";
import { AssignedPanels } from "@/components/panels/assigned-panels";
import { InstallerActionsMenu } from "./installer-actions-menu";
import { StatusBadge } from "./status-badge";

// Opened on demand: its form (and react-hook-form) loads with it, not with the page; `ssr: false`
// gives it a Suspense boundary of its own, so the page does not show its loading state meanwhile.
const AssignPanelModal = dynamic(() => import("@/components/panels/assign-panel-modal").then((m) => m.AssignPanelModal), { ssr: false });

export function InstallerDrawer({
  details,
  onClose,
  permissions,
  timeZone,
  onAction,
}: {
  details: InstallerDetails;
  onClose: () => void;
  permissions: InstallerPermissions;
  timeZone: string;
  onAction: (action: InstallerAction) => void;
}) {
  const run = useActionRunner();
  const [assigning, setAssigning] = useState(false);
  const [resending, setResending] = useState(false);
  const search = useCallback((q: string) => searchAssignablePanelsAction({ installerId: details.id, q }), [details.id]);

  return (
    <Modal
      open
      variant="drawer"
      onOpenChange={(o) => !o && onClose()}
      title={details.name}
      headerActions={<InstallerActionsMenu name={details.name} status={details.status} permissions={permissions} onAction={onAction} />}
    >
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-3 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Name</dt>
        <dd>{details.name}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Email</dt>
        <dd className="break-all">{details.email}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Phone</dt>
        <dd>{details.phone}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Created</dt>
        <dd>
          <DateTime value={details.createdAt} timeZone={timeZone} />
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Last login</dt>
        <dd>{details.lastLoginAt ? <DateTime value={details.lastLoginAt} timeZone={timeZone} /> : <span className="text-slate-500 dark:text-slate-400">Never</span>}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Status</dt>
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
                await run(() => resendRegistrationCodeAction({ installerId: details.id }));
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
        <AssignedPanels
          owner="installer"
          panels={details.panels}
          panelCount={details.panelCount}
          hiddenPanels={details.hiddenPanels}
          canAssign={permissions.assignPanels}
          canUnassign={permissions.unassignPanels}
          onAssign={() => setAssigning(true)}
          onUnassign={async (panel) => {
            await run(() => unassignPanelAction({ installerId: details.id, panelId: panel.id }));
          }}
        />
      ) : null}

      {assigning ? (
        <AssignPanelModal
          title="Assign installer to panel"
          email={details.email}
          onClose={() => setAssigning(false)}
          assign={(panelId) => assignPanelAction({ installerId: details.id, panelId })}
          search={search}
        />
      ) : null}
    </Modal>
  );
}
