import { z } from "../zod";
import { isCountryCode } from "../countries";
import { isValidTimeZone } from "../format";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "../text";

import { SITE_COLUMNS } from "./columns";
import { SEARCH_TEXT_MAX } from "../search-choices";
import { shownSchema } from "../edits";

export { DEFAULT_SITE_COLUMNS, SITE_COLUMN_LABEL, SITE_COLUMNS, type SiteColumn } from "./columns";
export const siteColumnsSchema = z.object({ columns: z.array(z.enum(SITE_COLUMNS)).min(1, "Choose at least one column.").max(SITE_COLUMNS.length) });

export const SITE_EDIT_FIELDS = ["name", "address", "country", "timeZone", "keyAccountHolderId"] as const;
export const siteSchema = z.object({
  id: z.string().max(64).optional(),
  customerId: z.string({ error: "Select a customer." }).min(1, "Select a customer.").max(64),
  name: z.string({ error: "Enter the site name." }).trim().min(1, "Enter the site name.").max(200, "Use at most 200 characters.").refine(isSingleLine, SINGLE_LINE_MESSAGE),
  address: z.string({ error: "Enter the address." }).trim().min(1, "Enter the address.").max(300, "Use at most 300 characters.").refine(isSingleLine, SINGLE_LINE_MESSAGE),
  country: z
    .string()
    .min(1, "Select a country.")
    .refine((c) => c === "" || isCountryCode(c), "Select a country from the list."),
  timeZone: z
    .string()
    .min(1, "Select a time zone.")
    .max(64)
    .refine((tz) => tz === "" || isValidTimeZone(tz), "Select a time zone from the list."),
  keyAccountHolderId: z.string().max(64).optional().default(""),
  shown: shownSchema(SITE_EDIT_FIELDS),
});
export type SiteInput = z.input<typeof siteSchema>;
export const siteCustomerSearchSchema = z.object({ q: z.string().trim().max(SEARCH_TEXT_MAX).default("") });
export type CustomerOption = { id: string; name: string; accountNumber: string };

export const siteIdSchema = z.object({ siteId: z.string().min(1).max(64) });
const groupName = z.string({ error: "Enter a name for the group." }).trim().min(1, "Enter a name for the group.").max(100, "Use at most 100 characters.").refine(isSingleLine, SINGLE_LINE_MESSAGE);
export const newGroupSchema = z.object({ siteId: z.string().min(1).max(64), name: groupName });
export const existingGroupSchema = z.object({ siteId: z.string().min(1).max(64), groupId: z.string({ error: "Select a credential group." }).min(1, "Select a credential group.").max(64) });
export const renameGroupSchema = z.object({ groupId: z.string().min(1).max(64), name: groupName });
