"use server";
import { action } from "@/lib/actions/action";
import { saveJob } from "@/lib/jobs/mutations";
import { saveJobSchema } from "@/lib/jobs/schemas";

export const saveJobAction = action(saveJobSchema, saveJob, { revalidate: [{ layout: "/jobs" }, "/my-jobs", { layout: "/personnel" }] });
