import { z } from "../zod";
import { shownSchema } from "../edits";
import { emailField, newPasswordField } from "../auth/schemas";
import { nameField } from "../installers/schemas";
import { INSTALLER_MODE_DURATIONS, type InstallerModeDuration } from "./rules";

const durations = Object.keys(INSTALLER_MODE_DURATIONS) as [InstallerModeDuration, ...InstallerModeDuration[]];
const id = z.string().trim().min(1).max(64);

export const installerModeSchema = z
  .object({ siteId: z.string().min(1).max(64), on: z.boolean(), duration: z.enum(durations).optional() })
  .refine((v) => !v.on || v.duration, { path: ["duration"], message: "Choose how long Installer Mode stays on." });
export type InstallerModeInput = z.input<typeof installerModeSchema>;

const optionalEmail = z.union([z.literal(""), emailField]);
// Checked for a valid number (and stored in E.164) on the server, in the site's country (lib/phone.ts).
const mobilePhone = z.string().trim().max(40, "The phone number is too long.");
const siteRole = z.enum(["SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"]);

/** Each site once (the forms send one row per site; a crafted request may not). */
const eachSiteOnce = (sites: { siteId: string }[]) => new Set(sites.map((s) => s.siteId)).size === sites.length;
const EACH_SITE_ONCE = "Give each site one role.";

const person = { firstName: nameField("first name"), lastName: nameField("last name"), email: optionalEmail, phone: mobilePhone };

/** + ADD USER (seed 001): a Site Manager must be a mobile app user; app users need an email and a mobile phone. */
export const addTeamMemberSchema = z
  .object({
    ...person,
    mobileAppUser: z.boolean(),
    sites: z.array(z.object({ siteId: id, role: z.enum(["NONE", "SITE_MANAGER", "SITE_ADMIN", "SITE_MEMBER"]) })).max(200),
  })
  .superRefine((v, ctx) => {
    if (v.mobileAppUser && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the email address: a mobile app user signs in with it." });
    if (v.mobileAppUser && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter the mobile phone: the activation code is texted to it." });
    if (!v.mobileAppUser && v.sites.some((s) => s.role === "SITE_MANAGER")) ctx.addIssue({ code: "custom", path: ["mobileAppUser"], message: "A Site Manager must be a mobile app user." });
    if (!v.sites.some((s) => s.role !== "NONE")) ctx.addIssue({ code: "custom", path: ["sites"], message: "Give the person a role at one site at least." });
    if (!eachSiteOnce(v.sites)) ctx.addIssue({ code: "custom", path: ["sites"], message: EACH_SITE_ONCE });
  });
export type AddTeamMemberInput = z.input<typeof addTeamMemberSchema>;

export const TEAM_MEMBER_EDIT_FIELDS = ["firstName", "lastName", "email", "phone"] as const;
export const editTeamMemberSchema = z.object({ contactId: id, ...person, shown: shownSchema(TEAM_MEMBER_EDIT_FIELDS) });
export type EditTeamMemberInput = z.input<typeof editTeamMemberSchema>;

export const teamMemberIdSchema = z.object({ contactId: id });

/** The Invitation screen: Use a mobile device (with or without SMS verification) or Use a web browser. */
export const inviteTeamMemberSchema = z.object({ contactId: id, method: z.enum(["mobile", "web"]), requireSms: z.boolean().default(true) });
export type InviteTeamMemberInput = z.input<typeof inviteTeamMemberSchema>;

/** Privileges: every site the manager manages; "NONE" leaves a site the person is not at as it is (removing someone is Delete). */
export const teamPrivilegesSchema = z.object({
  contactId: id,
  sites: z
    .array(z.object({ siteId: id, role: z.enum(["NONE", ...siteRole.options]), enabled: z.boolean() }))
    .min(1)
    .max(200)
    .refine(eachSiteOnce, EACH_SITE_ONCE),
});
export type TeamPrivilegesInput = z.input<typeof teamPrivilegesSchema>;

/** To View: the manager sees the code once. To Send: it is texted to the person; the manager never sees it. */
export const generateUserCodeSchema = z.object({ contactId: id, siteId: id, delivery: z.enum(["view", "send"]) });
export type GenerateUserCodeInput = z.input<typeof generateUserCodeSchema>;
export const credentialIdSchema = z.object({ credentialId: id });

export const activationTokenSchema = z.object({ token: z.string().trim().min(1).max(200) });
export const activationCodeSchema = z.object({
  token: z.string().trim().min(1).max(200),
  code: z.string({ error: "Enter the code." }).trim().min(1, "Enter the 6-digit code from the text message.").max(12, "Enter the 6-digit code from the text message."),
});
export type ActivationCodeInput = z.input<typeof activationCodeSchema>;

export const setPasswordSchema = z.object({ password: newPasswordField, confirm: z.string() }).refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match." });
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
