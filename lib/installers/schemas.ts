// Shared by the forms (react-hook-form) and the server actions. Limits are the Installers page's.
import { z } from "../zod";
import { emailField } from "../auth/schemas";
import { isCountryCode } from "../countries";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "../text";

const id = z.string().trim().min(1).max(64);

export const nameField = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(254, `${label.charAt(0).toUpperCase()}${label.slice(1)} must contain less than 255 characters.`)
    .refine(isSingleLine, SINGLE_LINE_MESSAGE);

/** An optional single line of text (empty when left out). */
export const optionalLineField = (label: string, max = 254) =>
  z
    .string()
    .trim()
    .max(max, `${label} must contain less than ${max + 1} characters.`)
    .refine(isSingleLine, SINGLE_LINE_MESSAGE)
    .default("");

export const phoneField = z
  .string({ error: "Enter the phone number." })
  .trim()
  .min(1, "Enter the phone number.")
  .max(19, "Phone must contain less than 20 characters.")
  .regex(/^\+?[0-9][0-9 ()./-]*$/, "Enter a phone number using digits, spaces and + - ( ) . only.")
  .refine((v) => v.replace(/\D/g, "").length >= 3, "Enter a phone number with at least 3 digits.");

export const registerInstallerSchema = z.object({
  name: nameField("name"),
  email: emailField,
  phone: phoneField,
});
export type RegisterInstallerInput = z.input<typeof registerInstallerSchema>;

export const installerIdsSchema = z.object({
  ids: z.array(id).min(1, "Select at least one installer.").max(200, "Select at most 200 installers at a time."),
});

export const installerIdSchema = z.object({ installerId: id });

export const convertInstallerSchema = z.object({
  installerId: id,
  fullName: nameField("full name"),
  phone: phoneField,
  country: z
    .string({ error: "Select a country." })
    .min(1, "Select a country.")
    .refine((c) => c === "" || isCountryCode(c), "Select a country from the list."),
  roleId: z.string({ error: "Select a role." }).min(1, "Select a role.").max(64),
});
export type ConvertInstallerInput = z.input<typeof convertInstallerSchema>;

export const assignPanelSchema = z.object({
  installerId: id,
  panelId: z.string({ error: "Select a panel." }).min(1, "Select a panel.").max(64),
});
export type AssignPanelInput = z.input<typeof assignPanelSchema>;

export const panelSearchSchema = z.object({ installerId: id, q: z.string().trim().max(40).default("") });
