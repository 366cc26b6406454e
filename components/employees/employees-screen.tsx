"use client";
import dynamic from "next/dynamic";
import {
  assignEmployeePanelAction,
  deleteEmployeeAction,
  resetEmployeeMfaAction,
  resetEmployeePasswordAction,
  searchEmployeePanelsAction,
  unassignEmployeePanelAction,
} from "@/app/(admin)/employees/actions";
import { useCallback, useMemo, useState } from "react";
import { AssignedPanels } from "@/components/panels/assigned-panels";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/field";
import { DataGrid } from "@/components/ui/data-grid";
import { DateTime } from "@/components/ui/date-time";
import { Menu } from "@/components/ui/menu";
import { Modal } from "@/components/ui/modal";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useActionRunner } from "@/components/ui/use-action-runner";
import { useGridUrl } from "@/components/ui/use-grid-url";
import { plural } from "@/lib/format";
import type { EmployeeDetails, EmployeeRow, EmployeesPageData } from "@/lib/employees/queries";

// Opened on demand: its form (and react-hook-form) loads with it, not with the page; `ssr: false`
// gives it a Suspense boundary of its own, so the page does not show its loading state meanwhile.
const AssignPanelModal = dynamic(() => import("@/components/panels/assign-panel-modal").then((m) => m.AssignPanelModal), { ssr: false });
const AddEmployeeModal = dynamic(() => import("./employee-forms").then((m) => m.AddEmployeeModal), { ssr: false });
const EditEmployeeModal = dynamic(() => import("./employee-forms").then((m) => m.EditEmployeeModal), { ssr: false });
const EditPrivilegeModal = dynamic(() => import("./employee-forms").then((m) => m.EditPrivilegeModal), { ssr: false });

type Dialog = { kind: "add" } | { kind: "edit" | "privilege" | "reset" | "resetMfa" | "delete"; employee: EmployeeRow } | null;

export function EmployeesScreen({ data, timeZone }: { data: EmployeesPageData; timeZone: string }) {
  const { grid, permissions } = data;
  const { go } = useGridUrl();
  const run = useActionRunner();
  const [dialog, setDialog] = useState<Dialog>(null);
  const regions = useMemo(() => new Intl.DisplayNames(["en"], { type: "region" }), []);
  const close = () => setDialog(null);
  // Someone whose role is beyond the viewer's is shown, not changed (the server refuses it too).
  const changesAny = permissions.edit || permissions.editPrivilege || permissions.resetPassword || permissions.resetMfa || permissions.delete || permissions.assignPanels;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Employees</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="employee-count">
            {plural(grid.total, "employee")}
          </span>
        </div>
        {permissions.add ? (
          <button type="button" className="btn-primary" onClick={() => setDialog({ kind: "add" })}>
            Add employee
          </button>
        ) : null}
      </header>
      <div className="card">
        <div className="border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search employees" placeholder="Search by name, email or phone" />
        </div>
        <DataGrid
          caption="Employees"
          rows={grid.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.fullName}
          sort={grid.sort}
          dir={grid.dir}
          onRowClick={(r) => go({ employee: r.id })}
          empty={grid.q ? `No employees match “${grid.q}”.` : "No employees yet."}
          columns={[
            {
              key: "name",
              header: "Full name & email",
              sortKey: "name",
              cell: (r) => (
                <>
                  <span className="main">{r.fullName}</span>
                  <span className="sub">{r.email}</span>
                </>
              ),
            },
            { key: "phone", header: "Phone", sortKey: "phone", cell: (r) => r.phone },
            { key: "country", header: "Country", sortKey: "country", cell: (r) => (r.country ? (regions.of(r.country) ?? r.country) : "") },
            { key: "role", header: "Role", sortKey: "role", cell: (r) => r.roleName },
            { key: "panels", header: "Panels", sortKey: "panels", className: "num", cell: (r) => r.panelCount },
            { key: "lastLogin", header: "Last login", sortKey: "lastLogin", cell: (r) => <DateTime value={r.lastLoginAt} timeZone={timeZone} /> },
            { key: "created", header: "Created", sortKey: "created", cell: (r) => <DateTime value={r.createdAt} timeZone={timeZone} /> },
          ]}
          rowActions={(r) =>
            r.beyondYours ? (
              changesAny ? (
                <span className="px-2 text-xs text-slate-500 dark:text-slate-400">View only</span>
              ) : null
            ) : (
              <span className="inline-flex items-center">
                {permissions.edit ? (
                  <button type="button" className="btn-icon" aria-label={`Edit ${r.fullName}`} onClick={() => setDialog({ kind: "edit", employee: r })}>
                    <span aria-hidden>✎</span>
                  </button>
                ) : null}
                {permissions.editPrivilege && r.id !== data.selfId ? (
                  <button type="button" className="btn-icon" aria-label={`Edit privilege for ${r.fullName}`} onClick={() => setDialog({ kind: "privilege", employee: r })}>
                    <span aria-hidden>⚿</span>
                  </button>
                ) : null}
                {permissions.resetPassword || (permissions.resetMfa && r.id !== data.selfId) || (permissions.delete && r.id !== data.selfId) ? (
                  <Menu
                    label={`Actions for ${r.fullName}`}
                    items={[
                      ...(permissions.resetPassword ? [{ label: "Reset password", onSelect: () => setDialog({ kind: "reset", employee: r }) }] : []),
                      ...(permissions.resetMfa && r.id !== data.selfId ? [{ label: "Reset two-step verification", onSelect: () => setDialog({ kind: "resetMfa", employee: r }) }] : []),
                      ...(permissions.delete && r.id !== data.selfId ? [{ label: "Delete", danger: true, onSelect: () => setDialog({ kind: "delete", employee: r }) }] : []),
                    ]}
                  />
                ) : null}
              </span>
            )
          }
        />
        <Pagination total={grid.total} page={grid.page} size={grid.size} sizeLabel="Employees per page" />
      </div>

      {dialog?.kind === "add" ? <AddEmployeeModal roles={data.roles} onClose={close} /> : null}
      {dialog?.kind === "edit" ? <EditEmployeeModal employee={dialog.employee} onClose={close} /> : null}
      {dialog?.kind === "privilege" ? <EditPrivilegeModal employee={dialog.employee} roles={data.roles} onClose={close} /> : null}
      <ConfirmDialog
        open={dialog?.kind === "reset"}
        onOpenChange={(o) => !o && close()}
        title="Reset password"
        message="Are you sure you want to reset password for this employee? A one-time code is emailed to them."
        confirmLabel="Yes, reset"
        onConfirm={async () => {
          if (dialog?.kind === "reset") await run(() => resetEmployeePasswordAction({ id: dialog.employee.id }));
        }}
      />
      <ConfirmDialog
        open={dialog?.kind === "resetMfa"}
        onOpenChange={(o) => !o && close()}
        title="Reset two-step verification"
        message={
          dialog?.kind === "resetMfa"
            ? `Reset two-step verification of ${dialog.employee.fullName}? Their authenticator app and recovery codes stop working, their sessions end, and they set it up again at their next sign-in.`
            : ""
        }
        confirmLabel="Yes, reset"
        danger
        onConfirm={async () => {
          if (dialog?.kind === "resetMfa") await run(() => resetEmployeeMfaAction({ id: dialog.employee.id }));
        }}
      />
      <ConfirmDialog
        open={dialog?.kind === "delete"}
        onOpenChange={(o) => !o && close()}
        title="Delete employee"
        message={dialog?.kind === "delete" ? `Are you sure you want to permanently delete ${dialog.employee.fullName}? This action cannot be undone.` : ""}
        confirmLabel="Yes, delete"
        danger
        onConfirm={async () => {
          if (dialog?.kind === "delete") await run(() => deleteEmployeeAction({ id: dialog.employee.id }));
        }}
      />
      {data.details ? (
        <EmployeeDrawer
          key={data.details.id}
          details={data.details}
          canAssign={permissions.assignPanels && !data.details.beyondYours}
          viewOnly={changesAny && data.details.beyondYours}
          timeZone={timeZone}
          onClose={() => go({ employee: undefined })}
        />
      ) : null}
    </div>
  );
}

function EmployeeDrawer({ details, canAssign, viewOnly, timeZone, onClose }: { details: EmployeeDetails; canAssign: boolean; viewOnly: boolean; timeZone: string; onClose: () => void }) {
  const run = useActionRunner();
  const [assigning, setAssigning] = useState(false);
  const search = useCallback((q: string) => searchEmployeePanelsAction({ employeeId: details.id, q }), [details.id]);
  return (
    <Modal open variant="drawer" onOpenChange={(o) => !o && onClose()} title={details.fullName}>
      {viewOnly ? <Notice tone="info">{details.fullName}&apos;s role has permissions or panel groups beyond your own, so you can view this employee but not change them.</Notice> : null}
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-3 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Email</dt>
        <dd className="break-all">{details.email}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Phone</dt>
        <dd>{details.phone}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Role</dt>
        <dd>{details.roleName}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Created</dt>
        <dd>
          <DateTime value={details.createdAt} timeZone={timeZone} />
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Last login</dt>
        <dd>{details.lastLoginAt ? <DateTime value={details.lastLoginAt} timeZone={timeZone} /> : <span className="text-slate-500 dark:text-slate-400">Never</span>}</dd>
      </dl>
      <AssignedPanels
        owner="employee"
        panels={details.panels}
        panelCount={details.panelCount}
        hiddenPanels={details.hiddenPanels}
        canAssign={canAssign}
        canUnassign={canAssign}
        onAssign={() => setAssigning(true)}
        onUnassign={async (panel) => {
          await run(() => unassignEmployeePanelAction({ employeeId: details.id, panelId: panel.id }));
        }}
      />
      {assigning ? (
        <AssignPanelModal
          title="Assign employee to panel"
          email={details.email}
          onClose={() => setAssigning(false)}
          assign={(panelId) => assignEmployeePanelAction({ employeeId: details.id, panelId })}
          search={search}
        />
      ) : null}
    </Modal>
  );
}
