"use client";
// Logins (seed 002): the grid of every login with its usergroup, what it is linked to, last login
// and status; +Create, Edit, Disable/Enable, Reset password and Delete. The server checks Logins &
// contacts for each; console employees are managed on the Employees page.
import Link from "next/link";
import { useState } from "react";
import { deleteLoginAction, resetLoginPasswordAction, saveLoginAction, setLoginDisabledAction } from "@/app/(admin)/logins/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataGrid } from "@/components/ui/data-grid";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";
import { formatDateTime, plural } from "@/lib/format";
import type { LoginsPageData } from "@/lib/logins/queries";

type Row = LoginsPageData["rows"][number];
type Confirm = { kind: "disable" | "delete" | "reset"; row: Row } | null;

export function LoginsScreen({ data }: { data: LoginsPageData }) {
  const run = useActionRunner();
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const manage = data.permissions.manage;
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Logins</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400">{plural(data.total, "login")}</span>
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="licence-use">
            · Customer-portal licences: {data.licences.used} of {data.licences.licences} in use
          </span>
        </div>
        {manage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            +Create
          </button>
        ) : null}
      </header>
      <div className="card">
        <div className="border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search logins" placeholder="Search by name or email" />
        </div>
        <DataGrid
          caption="Logins"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          sort={data.sort}
          dir={data.dir}
          empty={data.q ? `No logins match “${data.q}”.` : "No logins yet."}
          columns={[
            {
              key: "name",
              header: "Name",
              sortKey: "name",
              cell: (r) => (
                <Link href={`/logins/${r.id}`} className="link">
                  {r.name}
                </Link>
              ),
            },
            { key: "email", header: "Email", sortKey: "email", cell: (r) => r.email },
            { key: "usergroup", header: "Usergroup", cell: (r) => r.usergroup },
            { key: "linkedTo", header: "Linked to", cell: (r) => r.linkedTo },
            { key: "lastLogin", header: "Last login", sortKey: "lastLogin", cell: (r) => formatDateTime(r.lastLoginAt)?.date ?? "Never" },
            { key: "status", header: "Status", cell: (r) => r.status },
          ]}
          rowMenu={
            manage
              ? (r) =>
                  r.consoleEmployee
                    ? null
                    : {
                        label: `Actions for ${r.name}`,
                        items: [
                          { label: "Edit", onSelect: () => setEditing(r) },
                          r.status === "Disabled"
                            ? { label: "Enable", onSelect: () => void run(() => setLoginDisabledAction({ id: r.id, disabled: false })) }
                            : { label: "Disable", onSelect: () => setConfirm({ kind: "disable", row: r }) },
                          { label: "Reset password", onSelect: () => setConfirm({ kind: "reset", row: r }), disabled: r.status === "Disabled" },
                          { label: "Delete", onSelect: () => setConfirm({ kind: "delete", row: r }), danger: true },
                        ],
                      }
              : undefined
          }
        />
        <Pagination total={data.total} page={data.page} size={data.size} sizeLabel="Logins per page" />
      </div>
      {editing ? <LoginModal login={editing === "new" ? null : editing} usergroups={data.usergroups} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={!!confirm}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={confirm?.kind === "delete" ? "Delete login" : confirm?.kind === "disable" ? "Disable login" : "Reset password"}
        message={
          confirm?.kind === "delete"
            ? `Delete the login ${confirm.row.email}? A linked contact stays, as information only.`
            : confirm?.kind === "disable"
              ? `Disable ${confirm.row.email}? Its sessions end at once and it cannot sign in until enabled again.`
              : confirm
                ? `Email ${confirm.row.email} a link to set a new password?`
                : ""
        }
        confirmLabel={confirm?.kind === "delete" ? "Yes, delete" : confirm?.kind === "disable" ? "Disable" : "Send link"}
        danger={confirm?.kind !== "reset"}
        onConfirm={async () => {
          if (!confirm) return;
          const id = confirm.row.id;
          if (confirm.kind === "delete") await run(() => deleteLoginAction({ id }));
          else if (confirm.kind === "disable") await run(() => setLoginDisabledAction({ id, disabled: true }));
          else await run(() => resetLoginPasswordAction({ id }));
        }}
      />
    </div>
  );
}

function LoginModal({ login, usergroups, onClose }: { login: Row | null; usergroups: LoginsPageData["usergroups"]; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/logins/schemas").then((m) => m.saveLoginSchema), saveLoginAction, {
    defaultValues: {
      id: login?.id,
      name: login?.name ?? "",
      email: login?.email ?? "",
      usergroupId: login?.usergroupId ?? "",
    },
    edit: !!login,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title={login ? `Edit ${login.name}` : "Create login"} formId="login-form" onSubmit={submit} onClose={onClose} pending={pending} size="sm">
      <FormError message={formError} />
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Email" error={errors.email?.message} hint="The username.">
        {(p) => <input {...p} type="email" className="input" autoComplete="off" {...form.register("email")} />}
      </Field>
      <Field label="Usergroup" error={errors.usergroupId?.message} hint="An external usergroup may use the customer portal, once the login is linked to a contact.">
        {(p) => (
          <select {...p} className="input" {...form.register("usergroupId")}>
            <option value="">Choose a usergroup</option>
            {usergroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.kind === "EXTERNAL" ? "external" : "internal"})
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormModal>
  );
}
