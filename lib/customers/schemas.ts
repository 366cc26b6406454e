import { z } from "../zod";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "../text";
import { shownSchema } from "../edits";

export const CUSTOMER_EDIT_FIELDS = ["name", "accountNumber"] as const;
export const customerSchema = z.object({
  id: z.string().max(64).optional(),
  name: z.string({ error: "Enter the customer name." }).trim().min(1, "Enter the customer name.").max(200, "Use at most 200 characters.").refine(isSingleLine, SINGLE_LINE_MESSAGE),
  accountNumber: z
    .string({ error: "Enter the account number." })
    .trim()
    .min(1, "Enter the account number.")
    .max(40, "Use at most 40 characters.")
    .regex(/^[A-Za-z0-9-]+$/, "Use letters, digits and - only."),
  shown: shownSchema(CUSTOMER_EDIT_FIELDS),
});
export type CustomerInput = z.input<typeof customerSchema>;
export const customerIdSchema = z.object({ id: z.string().min(1).max(64) });
