"use client";
// Personnel (seed 002): staff engineers' records; the Company section's Associated Login is the
// internal login that then sees the record's jobs in the app (My jobs).
import { useState } from "react";
import { savePersonnelAction } from "@/app/(admin)/personnel/actions";
import { DataGrid } from "@/components/ui/data-grid";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { OptionSelect } from "@/components/ui/option-selects";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { plural } from "@/lib/format";
import type { PersonnelPageData } from "@/lib/personnel/queries";

type Row = PersonnelPageData["rows"][number];

export function PersonnelScreen({ data }: { data: PersonnelPageData }) {
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Personnel</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400">{plural(data.total, "record")}</span>
        </div>
        {data.permissions.manage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Add personnel
          </button>
        ) : null}
      </header>
      <div className="card">
        <div className="border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search personnel" placeholder="Search by name, job title or email" />
        </div>
        <DataGrid
          caption="Personnel"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.name}
          sort={data.sort}
          dir={data.dir}
          empty={data.q ? `No personnel match “${data.q}”.` : "No personnel yet."}
          columns={[
            { key: "name", header: "Name", sortKey: "name", cell: (r) => r.name },
            { key: "jobTitle", header: "Job title", sortKey: "jobTitle", cell: (r) => r.jobTitle },
            { key: "phone", header: "Phone", cell: (r) => r.phone },
            { key: "email", header: "Email", cell: (r) => r.email },
            { key: "login", header: "Associated Login", cell: (r) => r.login ?? "None" },
            { key: "jobs", header: "Jobs", className: "num", cell: (r) => r.jobs },
          ]}
          rowMenu={data.permissions.manage ? (r) => ({ label: `Actions for ${r.name}`, items: [{ label: "Edit", onSelect: () => setEditing(r) }] }) : undefined}
        />
        <Pagination total={data.total} page={data.page} size={data.size} sizeLabel="Personnel per page" />
      </div>
      {editing ? <PersonnelModal person={editing === "new" ? null : editing} logins={data.logins} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function PersonnelModal({ person, logins, onClose }: { person: Row | null; logins: PersonnelPageData["logins"]; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/personnel/schemas").then((m) => m.savePersonnelSchema), savePersonnelAction, {
    defaultValues: {
      id: person?.id,
      name: person?.name ?? "",
      jobTitle: person?.jobTitle ?? "",
      phone: person?.phone ?? "",
      email: person?.email ?? "",
      loginUserId: person?.loginUserId ?? "",
    },
    edit: !!person,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title={person ? `Edit ${person.name}` : "Add personnel"} formId="personnel-form" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Job title" error={errors.jobTitle?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("jobTitle")} />}
      </Field>
      <Field label="Phone" error={errors.phone?.message}>
        {(p) => <input {...p} type="tel" className="input" autoComplete="off" {...form.register("phone")} />}
      </Field>
      <Field label="Email" error={errors.email?.message}>
        {(p) => <input {...p} type="email" className="input" autoComplete="off" {...form.register("email")} />}
      </Field>
      <fieldset className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <legend className="text-sm font-semibold">Company</legend>
        <Field label="Associated Login" error={errors.loginUserId?.message} hint="An internal login; it then sees this record's jobs in the app.">
          {(p) => <OptionSelect {...p} options={logins} placeholder="None" {...form.register("loginUserId")} />}
        </Field>
      </fieldset>
    </FormModal>
  );
}
