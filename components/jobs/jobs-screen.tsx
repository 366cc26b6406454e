"use client";
// Jobs (seed 002): site, title, description, status, scheduled time and assigned personnel.
import { useState } from "react";
import { saveJobAction, searchJobSitesAction } from "@/app/(admin)/jobs/actions";
import { DataGrid } from "@/components/ui/data-grid";
import { DateTime } from "@/components/ui/date-time";
import { Field, FormError } from "@/components/ui/field";
import { FormModal } from "@/components/ui/form-modal";
import { OptionSelect } from "@/components/ui/option-selects";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { SearchedSelect } from "@/components/ui/searched-select";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResultToasts } from "@/components/ui/use-action-runner";
import { plural } from "@/lib/format";
import type { JobsPageData } from "@/lib/jobs/queries";
import { JOB_STATUS_LABEL, JOB_STATUSES, type JobStatus } from "@/lib/jobs/rules";
import type { JobSiteOption } from "@/lib/jobs/schemas";

type Row = JobsPageData["rows"][number];

const searchSites = (q: string) => searchJobSitesAction({ q });

export function JobsScreen({ data }: { data: JobsPageData }) {
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">Jobs</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400">{plural(data.total, "job")}</span>
        </div>
        {data.permissions.manage ? (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Create job
          </button>
        ) : null}
      </header>
      <div className="card">
        <div className="border-b border-slate-200 p-3 dark:border-slate-800">
          <SearchBox label="Search jobs" placeholder="Search by title, site or personnel" />
        </div>
        <DataGrid
          caption="Jobs"
          rows={data.rows}
          rowId={(r) => r.id}
          rowLabel={(r) => r.title}
          sort={data.sort}
          dir={data.dir}
          empty={data.q ? `No jobs match “${data.q}”.` : "No jobs yet."}
          columns={[
            { key: "title", header: "Title", sortKey: "title", cell: (r) => r.title },
            { key: "site", header: "Site", cell: (r) => r.site },
            { key: "status", header: "Status", sortKey: "status", cell: (r) => JOB_STATUS_LABEL[r.status as JobStatus] ?? r.status },
            { key: "scheduled", header: "Scheduled", sortKey: "scheduled", cell: (r) => (r.scheduledAt ? <DateTime value={r.scheduledAt} timeZone={r.timeZone} /> : "—") },
            { key: "personnel", header: "Assigned to", cell: (r) => r.personnel ?? "Unassigned" },
          ]}
          rowMenu={data.permissions.manage ? (r) => ({ label: `Actions for ${r.title}`, items: [{ label: "Edit / assign", onSelect: () => setEditing(r) }] }) : undefined}
        />
        <Pagination total={data.total} page={data.page} size={data.size} sizeLabel="Jobs per page" />
      </div>
      {editing ? <JobModal job={editing === "new" ? null : editing} data={data} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function JobModal({ job, data, onClose }: { job: Row | null; data: JobsPageData; onClose: () => void }) {
  const show = useResultToasts();
  const { form, submit, formError, pending } = useActionForm(() => import("@/lib/jobs/schemas").then((m) => m.saveJobSchema), saveJobAction, {
    defaultValues: {
      id: job?.id,
      siteId: job?.siteId ?? "",
      title: job?.title ?? "",
      description: job?.description ?? "",
      status: (job?.status as JobStatus) ?? "OPEN",
      scheduledAt: job?.scheduledLocal ?? "",
      personnelId: job?.personnelId ?? "",
    },
    edit: !!job,
    onSuccess: (r) => {
      show(r);
      onClose();
    },
  });
  const { errors } = form.formState;
  return (
    <FormModal title={job ? `Edit ${job.title}` : "Create job"} formId="job-form" onSubmit={submit} onClose={onClose} pending={pending}>
      <FormError message={formError} />
      <SearchedSelect
        label="Site"
        searchLabel="Search sites"
        searchHint="Type part of the site's name or address."
        noun="sites"
        emptyHint="Add a site first, under Sites."
        error={errors.siteId?.message}
        search={searchSites}
        register={form.register("siteId")}
        initial={job ? { id: job.siteId, name: job.site, address: "" } : null}
        optionLabel={(s: JobSiteOption) => (s.address ? `${s.name} (${s.address})` : s.name)}
      />
      <Field label="Title" error={errors.title?.message}>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register("title")} />}
      </Field>
      <Field label="Description" error={errors.description?.message}>
        {(p) => <textarea {...p} className="input min-h-20" {...form.register("description")} />}
      </Field>
      <Field label="Status" error={errors.status?.message}>
        {(p) => (
          <select {...p} className="input" {...form.register("status")}>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {JOB_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Scheduled time" error={errors.scheduledAt?.message} hint="In the site's time zone.">
        {(p) => <input {...p} type="datetime-local" className="input" {...form.register("scheduledAt")} />}
      </Field>
      <Field label="Assigned personnel" error={errors.personnelId?.message}>
        {(p) => <OptionSelect {...p} options={data.personnel} placeholder="Unassigned" {...form.register("personnelId")} />}
      </Field>
    </FormModal>
  );
}
