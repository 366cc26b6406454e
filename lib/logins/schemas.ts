// Logins, usergroups, agents and contacts (seed 002): shared by the forms and the server actions.
import { z } from "../zod";
import { shownSchema } from "../edits";
import { emailField } from "../auth/schemas";
import { nameField, optionalLineField } from "../installers/schemas";
import { PERMISSION_GROUPS } from "../access/permissions";

const id = z.string().trim().min(1).max(64);
export const LOGIN_EDIT_FIELDS = ["name", "email", "usergroupId"] as const;
export const saveLoginSchema = z.object({
  id: id.optional(),
  name: nameField("name"),
  email: emailField,
  usergroupId: z.string({ error: "Choose a usergroup." }).min(1, "Choose a usergroup.").max(64),
  shown: shownSchema(LOGIN_EDIT_FIELDS),
});
export type SaveLoginInput = z.input<typeof saveLoginSchema>;
export const loginIdSchema = z.object({ id });
export const loginDisabledSchema = z.object({ id, disabled: z.boolean() });

const groupNames = PERMISSION_GROUPS.map((g) => g.name) as [string, ...string[]];
export const saveUsergroupSchema = z.object({
  id: id.optional(),
  name: nameField("usergroup name"),
  isExternal: z.boolean(),
  canAccessApp: z.boolean(),
  permissionGroups: z.array(z.enum(groupNames)).max(groupNames.length).default([]),
  /** What the form showed: the save applies its changes to the usergroup as it is now (lib/edits.ts, lib/roles/rules.ts). */
  shown: z.object({ name: z.string().max(200), isExternal: z.boolean(), canAccessApp: z.boolean(), permissionGroups: z.array(z.string().max(100)).max(100) }).optional(),
});
export type SaveUsergroupInput = z.input<typeof saveUsergroupSchema>;
export const usergroupIdSchema = z.object({ id });

export const AGENT_EDIT_FIELDS = ["company", "name", "email"] as const;
export const saveAgentSchema = z.object({ id: id.optional(), company: nameField("company"), name: nameField("name"), email: emailField, shown: shownSchema(AGENT_EDIT_FIELDS) });
export type SaveAgentInput = z.input<typeof saveAgentSchema>;
export const agentIdSchema = z.object({ id });
export const customerAgentSchema = z.object({ customerId: id, agentId: z.string().max(64).default("") });

/** Create Customer Contact (seed 002): Contact Name, Job Title, Email, Phone, Notes. */
export const createContactSchema = z.object({
  customerId: id,
  name: nameField("contact name"),
  jobTitle: optionalLineField("Job title"),
  email: z.union([z.literal(""), emailField]).default(""),
  phone: optionalLineField("Phone", 40),
  notes: z.string().trim().max(2000, "Notes must contain less than 2001 characters.").default(""),
  /** From a site's Contacts: the contact is added to this site at once. */
  siteId: id.optional(),
  role: z.enum(["SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"]).default("SITE_MEMBER"),
});
export type CreateContactInput = z.input<typeof createContactSchema>;

export const portalScopeField = z.enum(["ALL_SITES", "SPECIFIC_SITES"]);
/** Link login: an existing unlinked login, or a new one (name and email), with the portal scope. */
export const linkLoginSchema = z
  .object({ contactId: id, mode: z.enum(["existing", "new"]), userId: z.string().max(64).default(""), email: z.union([z.literal(""), emailField]).default(""), scope: portalScopeField })
  .superRefine((v, ctx) => {
    if (v.mode === "existing" && !v.userId) ctx.addIssue({ code: "custom", path: ["userId"], message: "Choose a login." });
    if (v.mode === "new" && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the email address: it is the username." });
  });
export type LinkLoginInput = z.input<typeof linkLoginSchema>;
export const contactIdSchema = z.object({ contactId: id });
export const contactScopeSchema = z.object({ contactId: id, scope: portalScopeField });
export const siteContactSchema = z.object({
  siteId: id,
  contactId: z.string({ error: "Choose a contact." }).min(1, "Choose a contact.").max(64),
  role: z.enum(["SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"]).default("SITE_MEMBER"),
});
export type SiteContactInput = z.input<typeof siteContactSchema>;
export const removeSiteContactSchema = z.object({ siteId: id, contactId: id });

export const portalLicencesSchema = z.object({ licences: z.coerce.number({ error: "Enter a number." }).int("Enter a whole number.").min(0, "Enter 0 or more.").max(100_000, "Enter at most 100000.") });
