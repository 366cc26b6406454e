import { z } from "../zod";
import { nameField } from "../installers/schemas";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "../text";

const id = z.string().trim().min(1).max(64);
/** An optional single line of text. */
export const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must contain less than ${max + 1} characters.`)
    .refine(isSingleLine, SINGLE_LINE_MESSAGE)
    .default("");

/** A personnel record (seed 002); Company section: Associated Login (an internal login). */
export const savePersonnelSchema = z.object({
  id: id.optional(),
  name: nameField("name"),
  jobTitle: text("Job title", 120),
  phone: text("Phone", 40),
  email: z.union([z.literal(""), z.email({ error: "Enter a valid email address, like name@example.com." }).max(254)]).default(""),
  loginUserId: z.string().max(64).default(""),
});
export type SavePersonnelInput = z.input<typeof savePersonnelSchema>;
