import { z } from "../zod";
import { nameField, optionalLineField } from "../installers/schemas";
import { shownSchema } from "../edits";

const id = z.string().trim().min(1).max(64);
export const PERSONNEL_EDIT_FIELDS = ["name", "jobTitle", "phone", "email", "loginUserId"] as const;
/** A personnel record (seed 002); Company section: Associated Login (an internal login). */
export const savePersonnelSchema = z.object({
  id: id.optional(),
  name: nameField("name"),
  jobTitle: optionalLineField("Job title", 120),
  phone: optionalLineField("Phone", 40),
  email: z.union([z.literal(""), z.email({ error: "Enter a valid email address, like name@example.com." }).max(254)]).default(""),
  loginUserId: z.string().max(64).default(""),
  shown: shownSchema(PERSONNEL_EDIT_FIELDS),
});
export type SavePersonnelInput = z.input<typeof savePersonnelSchema>;
