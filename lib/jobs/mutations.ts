import "server-only";
import { db } from "../db";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { RuleError } from "../actions/result";
import { recordAudit } from "../audit/mutations";
import { zonedLocalToUtc } from "../format";
import { JOB_STATUS_LABEL, type JobStatus } from "./rules";

/** Create, edit and assign a job: a site and personnel record of the organization; the time is read in the site's time zone. */
export async function saveJob(actor: Actor | null, input: { id?: string; siteId: string; title: string; description: string; status: JobStatus; scheduledAt: string; personnelId: string }) {
  const a = await assertCan(actor, "jobs.manage");
  const site = await db.site.findFirst({ where: { id: input.siteId, organizationId: a.organizationId } });
  if (!site) throw new RuleError("Choose a site from the list.", { siteId: "Choose a site from the list." });
  const personnel = input.personnelId ? await db.personnel.findFirst({ where: { id: input.personnelId, organizationId: a.organizationId } }) : null;
  if (input.personnelId && !personnel) throw new RuleError("Choose personnel from the list.", { personnelId: "Choose personnel from the list." });
  const scheduledAt = input.scheduledAt ? zonedLocalToUtc(input.scheduledAt, site.timeZone) : null;
  if (input.scheduledAt && !scheduledAt) throw new RuleError("Enter a valid date and time.", { scheduledAt: "Enter a valid date and time." });
  if (input.status === "SCHEDULED" && !scheduledAt) throw new RuleError("A scheduled job needs its time.", { scheduledAt: "Enter when the job is scheduled." });
  const data = { siteId: site.id, title: input.title, description: input.description, status: input.status, scheduledAt, personnelId: personnel?.id ?? null };
  const detail = `${site.name}, ${JOB_STATUS_LABEL[input.status]}${personnel ? `, ${personnel.name}` : ""}`;
  if (!input.id) {
    await db.$transaction(async (tx) => {
      const job = await tx.job.create({ data: { organizationId: a.organizationId, ...data } });
      await recordAudit({ actor: a, action: "jobs.create", target: { type: "Job", id: job.id, label: job.title }, detail }, tx);
    });
    return { message: `The job “${input.title}” is created.` };
  }
  const job = await db.job.findFirst({ where: { id: input.id, organizationId: a.organizationId } });
  if (!job) throw new NotFoundError("The job");
  await db.$transaction(async (tx) => {
    await tx.job.update({ where: { id: job.id }, data });
    await recordAudit({ actor: a, action: "jobs.edit", target: { type: "Job", id: job.id, label: input.title }, detail }, tx);
  });
  return { message: `The job “${input.title}” is saved.` };
}
