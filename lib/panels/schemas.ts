import { z } from "../zod";
import { isValidImei } from "./rules";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "../text";
import { shownSchema } from "../edits";

export const PANEL_EDIT_FIELDS = ["imei", "accountCode", "panelGroupId", "installerAppAccess"] as const;
export const panelSchema = z.object({
  id: z.string().max(64).optional(),
  imei: z
    .string({ error: "Enter the IMEI." })
    .trim()
    .regex(/^\d{15}$/, "The IMEI has exactly 15 digits.")
    .refine(isValidImei, "This IMEI's check digit is wrong. Check the number on the panel."),
  accountCode: z
    .string({ error: "Enter the account code." })
    .trim()
    .regex(/^[0-9A-Fa-f]{4,6}$/, "The account code has 4 to 6 hexadecimal characters (0-9, A-F).")
    .transform((v) => v.toUpperCase()),
  panelGroupId: z.string({ error: "Select a panel group." }).min(1, "Select a panel group.").max(64),
  installerAppAccess: z.boolean().default(true),
  shown: shownSchema(PANEL_EDIT_FIELDS),
});
export type PanelInput = z.input<typeof panelSchema>;

export const panelIdSchema = z.object({ id: z.string().min(1).max(64) });
export const panelAccessSchema = z.object({ id: z.string().min(1).max(64), installerAppAccess: z.boolean() });

export const panelGroupSchema = z.object({
  id: z.string().max(64).optional(),
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.").refine(isSingleLine, SINGLE_LINE_MESSAGE),
});
export type PanelGroupInput = z.input<typeof panelGroupSchema>;

/** The panel chosen in an Assign … to panel dialog (the owner comes from the dialog). */
export const panelChoiceSchema = z.object({ panelId: z.string({ error: "Select a panel." }).min(1, "Select a panel.").max(64) });

export type PanelOption = { id: string; imei: string; accountCode: string; panelGroupName: string };
