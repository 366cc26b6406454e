import { z } from "../zod";
import { emailField } from "../auth/schemas";
import { isCountryCode } from "../countries";
import { nameField, phoneField } from "../installers/schemas";
import { shownSchema } from "../edits";

const id = z.string().trim().min(1).max(64);
const country = z
  .string({ error: "Select a country." })
  .min(1, "Select a country.")
  .refine((c) => c === "" || isCountryCode(c), "Select a country from the list.");
const roleId = z.string({ error: "Select a role." }).min(1, "Select a role.").max(64);

export const addEmployeeSchema = z.object({ fullName: nameField("full name"), email: emailField, phone: phoneField, country, roleId });
export type AddEmployeeInput = z.input<typeof addEmployeeSchema>;

export const EMPLOYEE_EDIT_FIELDS = ["fullName", "phone", "country"] as const;
export const editEmployeeSchema = z.object({ id, fullName: nameField("full name"), phone: phoneField, country, shown: shownSchema(EMPLOYEE_EDIT_FIELDS) });
export type EditEmployeeInput = z.input<typeof editEmployeeSchema>;

export const editPrivilegeSchema = z.object({ id, roleId });
export type EditPrivilegeInput = z.input<typeof editPrivilegeSchema>;

export const employeeIdSchema = z.object({ id });
export const employeePanelSchema = z.object({ employeeId: id, panelId: z.string({ error: "Select a panel." }).min(1, "Select a panel.").max(64) });
export const employeePanelSearchSchema = z.object({ employeeId: id, q: z.string().trim().max(40).default("") });
