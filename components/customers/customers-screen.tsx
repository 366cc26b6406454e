"use client";
import { deleteCustomerAction, saveCustomerAction } from "@/app/(admin)/customers/actions";
import { FormModal } from "@/components/ui/form-modal";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataGrid } from "@/components/ui/data-grid";
import { Field, FormError } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useActionForm } from "@/components/ui/use-action-form";
import { useActionRunner, useResultToasts } from "@/components/ui/use-action-runner";
import { formatDateTime, plural } from "@/lib/format";
import type { CustomersPageData } from "@/lib/customers/queries";

type Row = CustomersPageData["rows"][number];

export function CustomersScreen({ data }: { data: CustomersPageData }) {
  const run = useActionRunner();
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Customers</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400">{plural(data.total, "customer")}</span>
        </div>
        {data.permissions.manage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Add customer
          </button>
        ) : null}
      </header>
      <div className="card">
        <div className="border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search customers" placeholder="Search by name or account number" />
        </div>
        <DataGrid
          caption="Customers"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          sort={data.sort}
          dir={data.dir}
          empty={data.q ? `No customers match “${data.q}”.` : "No customers yet."}
          columns={[
            {
              key: "name",
              header: "Name",
              sortKey: "name",
              cell: (r) => (
                <Link href={`/customers/${r.id}`} className="link">
                  {r.name}
                </Link>
              ),
            },
            { key: "accountNumber", header: "Account number", sortKey: "accountNumber", cell: (r) => r.accountNumber },
            { key: "sites", header: "Sites", className: "num", cell: (r) => r.sites },
            { key: "created", header: "Created", sortKey: "created", cell: (r) => formatDateTime(r.createdAt)?.date },
          ]}
          rowMenu={
            data.permissions.manage
              ? (r) => ({
                  label: `Actions for ${r.name}`,
                  items: [
                    { label: "Edit", onSelect: () => setEditing(r) },
                    { label: "Delete", onSelect: () => setDeleting(r), danger: true },
                  ],
                })
              : undefined
          }
        />
        <Pagination total={data.total} page={data.page} size={data.size} sizeLabel="Customers per page" />
      </div>
      {editing ? <CustomerModal customer={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete customer"
        message={deleting ? `Delete ${deleting.name}? Only a customer without sites can be deleted.` : ""}
        confirmLabel="Yes, delete"
        danger
        onConfirm={async () => {
          await run(() => deleteCustomerAction({ id: deleting!.id }));
        }}
      />
    </div>
  );
}

function CustomerModal({ customer, onClose }: { customer: Row | null; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/customers/schemas").then((m) => m.customerSchema), saveCustomerAction, {
    defaultValues: {
      id: customer?.id,
      name: customer?.name ?? "",
      accountNumber: customer?.accountNumber ?? "",
    },
    edit: !!customer,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  return (
    <FormModal title={customer ? `Edit ${customer.name}` : "Add customer"} formId="customer-form" onSubmit={submit} onClose={onClose} pending={pending} size="sm">
      <FormError message={formError} />
      <Field label="Name" error={form.formState.errors.name?.message}>
        {(p) => <input {...p} className="input" {...form.register("name")} />}
      </Field>
      <Field label="Account number" error={form.formState.errors.accountNumber?.message}>
        {(p) => <input {...p} className="input" {...form.register("accountNumber")} />}
      </Field>
    </FormModal>
  );
}
