"use server";
import { action } from "@/lib/actions/action";
import { savePersonnel } from "@/lib/personnel/mutations";
import { savePersonnelSchema } from "@/lib/personnel/schemas";

export const savePersonnelAction = action(savePersonnelSchema, savePersonnel, { revalidate: [{ layout: "/personnel" }, { layout: "/jobs" }, "/my-jobs"] });
