"use server";
import { action } from "@/lib/actions/action";
import { saveJob } from "@/lib/jobs/mutations";
import { jobSiteSearchSchema, saveJobSchema } from "@/lib/jobs/schemas";
import { searchJobSites } from "@/lib/jobs/queries";

export const saveJobAction = action(saveJobSchema, saveJob, { revalidate: [{ layout: "/jobs" }, "/my-jobs", { layout: "/personnel" }] });
export const searchJobSitesAction = action(jobSiteSearchSchema, async (actor, { q }) => ({ data: await searchJobSites(actor, q) }));
