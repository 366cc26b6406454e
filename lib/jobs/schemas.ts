import { z } from "../zod";
import { nameField } from "../installers/schemas";
import { JOB_STATUSES } from "./rules";
import { SEARCH_TEXT_MAX } from "../search-choices";
import { shownSchema } from "../edits";

const id = z.string().trim().min(1).max(64);

export const JOB_EDIT_FIELDS = ["siteId", "title", "description", "status", "scheduledAt", "personnelId"] as const;
export const saveJobSchema = z.object({
  id: id.optional(),
  siteId: z.string({ error: "Choose a site." }).min(1, "Choose a site.").max(64),
  title: nameField("title"),
  description: z.string().trim().max(4000, "The description must contain less than 4001 characters.").default(""),
  status: z.enum(JOB_STATUSES),
  /** datetime-local from the form, read in the site's time zone; "" for none. */
  scheduledAt: z.string().max(40).default(""),
  personnelId: z.string().max(64).default(""),
  shown: shownSchema(JOB_EDIT_FIELDS),
});
export type SaveJobInput = z.input<typeof saveJobSchema>;
export const jobSiteSearchSchema = z.object({ q: z.string().trim().max(SEARCH_TEXT_MAX).default("") });
export type JobSiteOption = { id: string; name: string; address: string };
