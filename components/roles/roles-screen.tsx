"use client";
import dynamic from "next/dynamic";
import { deleteRoleAction } from "@/app/(admin)/roles/actions";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataGrid } from "@/components/ui/data-grid";
import { useActionRunner } from "@/components/ui/use-action-runner";
import type { RoleRow, RolesPageData } from "@/lib/roles/queries";

// Opened on demand: its form (and react-hook-form) loads with it, not with the page; `ssr: false`
// gives it a Suspense boundary of its own, so the page does not show its loading state meanwhile.
const RoleEditor = dynamic(() => import("./role-editor").then((m) => m.RoleEditor), { ssr: false });

export function RolesScreen({ data }: { data: RolesPageData }) {
  const run = useActionRunner();
  const [editing, setEditing] = useState<RoleRow | "new" | null>(null);
  const [deleting, setDeleting] = useState<RoleRow | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Roles</h1>
        {data.permissions.manage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Add role
          </button>
        ) : null}
      </header>
      <div className="card">
        <DataGrid
          caption="Roles"
          rows={data.roles}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          empty="No roles."
          columns={[
            {
              key: "name",
              header: "Name",
              cell: (r) => (
                <>
                  <span className="font-medium">{r.name}</span>
                  {r.builtIn ? <span className="badge ml-2 bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300">Built-in</span> : null}
                </>
              ),
            },
            { key: "employees", header: "Employees", className: "num", cell: (r) => r.employees },
            { key: "permissions", header: "Permissions", className: "num", cell: (r) => r.permissions.length },
            { key: "groups", header: "Panel groups", cell: (r) => (r.allPanelGroups ? "All groups" : `${r.panelGroupIds.length} chosen`) },
          ]}
          rowMenu={(r) => ({
            label: `Actions for role ${r.name}`,
            items:
              data.permissions.manage && r.withinMine
                ? [{ label: "Edit", onSelect: () => setEditing(r) }, ...(r.builtIn ? [] : [{ label: "Delete", onSelect: () => setDeleting(r), danger: true }])]
                : [{ label: "View", onSelect: () => setEditing(r) }],
          })}
        />
      </div>
      {editing ? <RoleEditor role={editing === "new" ? null : editing} data={data} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete role"
        message={deleting ? `Delete the role ${deleting.name}?` : ""}
        confirmLabel="Yes, delete"
        danger
        onConfirm={async () => {
          await run(() => deleteRoleAction({ id: deleting!.id }));
        }}
      />
    </div>
  );
}
