"use client";
import { renameCredentialGroupAction } from "@/app/(admin)/sites/actions";
import { FormModal } from "@/components/ui/form-modal";
import Link from "next/link";
import { useState } from "react";
import { DataGrid } from "@/components/ui/data-grid";
import { Field, FormError, Notice } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import type { getCredentialGroup, listCredentialGroups } from "@/lib/credential-groups/queries";
import { InstallerModeBadge, SiteStatusBadge } from "./site-status";

export function CredentialGroupsScreen({ data }: { data: Awaited<ReturnType<typeof listCredentialGroups>> }) {
  return (
    <div className="space-y-4">
      <div>
        <Link href="/sites" className="link text-sm">
          Sites
        </Link>
        <h1 className="text-2xl font-semibold">Credential groups</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Sites that share access credentials. A group can be changed while at least one of its sites is in Installer Mode.</p>
      </div>
      <div className="card">
        <DataGrid
          caption="Credential groups"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          sort="name"
          dir={data.dir}
          empty="No credential groups yet. Add a site to a new group from the site's Credentials menu."
          columns={[
            {
              key: "name",
              header: "Name",
              sortKey: "name",
              cell: (r) => (
                <Link href={`/sites/credential-groups/${r.id}`} className="link">
                  {r.name}
                </Link>
              ),
            },
            { key: "sites", header: "Sites", className: "num", cell: (r) => r.sites },
            { key: "im", header: "Sites in Installer Mode", className: "num", cell: (r) => r.inInstallerMode },
          ]}
        />
        <Pagination total={data.total} page={data.page} size={data.size} sizeLabel="Groups per page" />
      </div>
    </div>
  );
}

export function CredentialGroupPage({ group }: { group: Awaited<ReturnType<typeof getCredentialGroup>> }) {
  const [renaming, setRenaming] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex items-end justify-between">
        <div>
          <Link href="/sites/credential-groups" className="link text-sm">
            Credential groups
          </Link>
          <h1 className="text-2xl font-semibold">{group.name}</h1>
        </div>
        {group.permissions.rename ? (
          <button type="button" className="btn-secondary" onClick={() => setRenaming(true)}>
            Rename
          </button>
        ) : null}
      </div>
      {!group.canBeChanged ? <Notice>No site of this group is in Installer Mode, so the group cannot be changed now.</Notice> : null}
      <div className="card">
        <DataGrid
          caption="Sites in the group"
          rows={group.sites}
          rowId={(s) => s.id}
          rowLabel={(s) => s.name}
          empty="This group has no sites."
          columns={[
            {
              key: "name",
              header: "Site",
              cell: (s) => (
                <Link href={`/sites/${s.id}`} className="link">
                  {s.name}
                </Link>
              ),
            },
            { key: "customer", header: "Customer", cell: (s) => s.customer },
            { key: "status", header: "Status", cell: (s) => <SiteStatusBadge status={s.status} /> },
            { key: "im", header: "Installer Mode", cell: (s) => <InstallerModeBadge on={s.installerMode} /> },
            { key: "config", header: "Configuration version", className: "num", cell: (s) => s.configVersion },
          ]}
        />
      </div>
      {renaming ? <RenameModal group={group} onClose={() => setRenaming(false)} /> : null}
    </div>
  );
}

function RenameModal({ group, onClose }: { group: { id: string; name: string }; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/sites/schemas").then((m) => m.renameGroupSchema), renameCredentialGroupAction, {
    defaultValues: { groupId: group.id, name: group.name },
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <FormModal title="Rename credential group" formId="rename-group" onSubmit={submit} onClose={onClose} pending={pending} size="sm">
      <FormError message={formError} />
      <Field label="Name" error={form.formState.errors.name?.message}>
        {(p) => <input {...p} className="input" {...form.register("name")} />}
      </Field>
    </FormModal>
  );
}
