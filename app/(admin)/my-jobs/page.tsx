import type { Metadata } from "next";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/field";
import { requireEmployee } from "@/lib/access/page";
import { getMyJobs } from "@/lib/jobs/queries";
import { JOB_STATUS_LABEL, type JobStatus } from "@/lib/jobs/rules";

export const metadata: Metadata = { title: "My jobs" };

// Seed 002: an internal login sees jobs only through the personnel record it is associated with.
export default async function MyJobsPage() {
  const mine = await getMyJobs(await requireEmployee());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">My jobs</h1>
      {!mine.appAccess ? (
        <Notice>
          Your login&apos;s usergroup{mine.usergroup ? ` (${mine.usergroup})` : ""} may not use the app: it must be an internal usergroup with Can Access App. Ask someone who manages logins (Logins
          &amp; contacts) to change it.
        </Notice>
      ) : !mine.personnel ? (
        <Notice>
          Your login is not associated with a personnel record, so no jobs can be shown. Ask someone who may edit personnel (Personnel &amp; jobs, e.g. your Organization Manager) to choose your login
          as the Associated Login of your personnel record.
        </Notice>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The jobs assigned to {mine.personnel.name}
            {mine.personnel.jobTitle ? `, ${mine.personnel.jobTitle}` : ""}.
          </p>
          {mine.jobs.length === 0 ? <p className="card p-6 text-center text-sm text-slate-500 dark:text-slate-400">No jobs are assigned to you.</p> : null}
          <ul className="space-y-2">
            {mine.jobs.map((j) => (
              <li key={j.id} className="card flex flex-wrap items-start justify-between gap-3 p-4 text-sm" data-testid="my-job">
                <div>
                  <p className="font-medium">{j.title}</p>
                  <p className="text-slate-500 dark:text-slate-400">
                    {j.site} · {j.address}
                  </p>
                  {j.description ? <p className="mt-1">{j.description}</p> : null}
                </div>
                <div className="text-right">
                  <p>{JOB_STATUS_LABEL[j.status as JobStatus] ?? j.status}</p>
                  {j.scheduledAt ? <DateTime value={j.scheduledAt} timeZone={j.timeZone} /> : <p className="text-slate-500 dark:text-slate-400">Not scheduled</p>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
