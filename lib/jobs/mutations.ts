import "server-only";
import type { z } from "zod";
import { db, type Tx } from "../db";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { RuleError } from "../actions/result";
import { recordAudit } from "../audit/mutations";
import { changedFields } from "../edits";
import { zonedLocalToUtc } from "../format";
import { JOB_STATUS_LABEL, type JobStatus } from "./rules";
import { JOB_EDIT_FIELDS, type saveJobSchema } from "./schemas";

type JobValues = { siteId: string; status: JobStatus; scheduledAt: Date | null; personnelId: string | null };

/**
 * The job's site, personnel and time checked as they will be saved: the site and personnel of the
 * organization, the time read in the site's time zone, and a scheduled job with its time.
 */
async function checkedJob(tx: Tx | typeof db, a: Actor, values: { siteId: string; status: JobStatus; personnelId: string | null }, time: { local: string } | { utc: Date | null }) {
  const site = await tx.site.findFirst({ where: { id: values.siteId, organizationId: a.organizationId }, select: { id: true, name: true, timeZone: true } });
  if (!site) throw new RuleError("Choose a site from the list.", { siteId: "Choose a site from the list." });
  const personnel = values.personnelId ? await tx.personnel.findFirst({ where: { id: values.personnelId, organizationId: a.organizationId }, select: { id: true, name: true } }) : null;
  if (values.personnelId && !personnel) throw new RuleError("Choose personnel from the list.", { personnelId: "Choose personnel from the list." });
  const scheduledAt = "utc" in time ? time.utc : time.local ? zonedLocalToUtc(time.local, site.timeZone) : null;
  if ("local" in time && time.local && !scheduledAt) throw new RuleError("Enter a valid date and time.", { scheduledAt: "Enter a valid date and time." });
  if (values.status === "SCHEDULED" && !scheduledAt) throw new RuleError("A scheduled job needs its time.", { scheduledAt: "Enter when the job is scheduled." });
  const detail = `${site.name}, ${JOB_STATUS_LABEL[values.status]}${personnel ? `, ${personnel.name}` : ""}`;
  return { scheduledAt, detail };
}

/** Create, edit and assign a job: a site and personnel record of the organization; the time is read in the site's time zone. */
export async function saveJob(actor: Actor | null, input: z.output<typeof saveJobSchema>) {
  const a = await assertCan(actor, "jobs.manage");
  if (!input.id) {
    const values = { siteId: input.siteId, status: input.status, personnelId: input.personnelId || null };
    const { scheduledAt, detail } = await checkedJob(db, a, values, { local: input.scheduledAt });
    await db.$transaction(async (tx) => {
      const job = await tx.job.create({ data: { organizationId: a.organizationId, ...values, title: input.title, description: input.description, scheduledAt } });
      await recordAudit({ actor: a, action: "jobs.create", target: { type: "Job", id: job.id, label: job.title }, detail }, tx);
    });
    return { message: `The job “${input.title}” is created.` };
  }
  const id = input.id;
  // An edit writes only what its form changed: a change another admin saved meanwhile stays
  // (lib/edits.ts). The job is read with its row held, so that the rules hold for the job as saved
  // (a job made Scheduled by one admin while another clears its time is refused, not left without one).
  const changed = changedFields(input, input.shown, JOB_EDIT_FIELDS);
  // A new site reads the time shown in its own time zone.
  if (changed.siteId !== undefined) changed.scheduledAt = input.scheduledAt;
  const title = await db.$transaction(async (tx) => {
    const held = await tx.$executeRaw`UPDATE "Job" SET "title" = "title" WHERE "id" = ${id} AND "organizationId" = ${a.organizationId}`;
    const job = held === 1 ? await tx.job.findUnique({ where: { id } }) : null;
    if (!job) throw new NotFoundError("The job");
    const values: Omit<JobValues, "scheduledAt"> = {
      siteId: changed.siteId ?? job.siteId,
      status: changed.status ?? (job.status as JobStatus),
      personnelId: changed.personnelId === undefined ? job.personnelId : changed.personnelId || null,
    };
    const { scheduledAt, detail } = await checkedJob(tx, a, values, changed.scheduledAt === undefined ? { utc: job.scheduledAt } : { local: changed.scheduledAt });
    const saved = await tx.job.update({ where: { id }, data: { ...values, scheduledAt, title: changed.title, description: changed.description } });
    await recordAudit({ actor: a, action: "jobs.edit", target: { type: "Job", id, label: saved.title }, detail }, tx);
    return saved.title;
  });
  return { message: `The job “${title}” is saved.` };
}
