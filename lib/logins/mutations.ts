import "server-only";
// Logins, usergroups, agents and contacts (seed 002): the console's changes. Every one checks
// Logins & contacts and the organization here, is one transaction and is audited. Employees of
// the console are managed on the Employees page (where their role is): here they are refused,
// so that Logins & contacts never becomes a way to lock out an Organization Manager.
import type { z } from "zod";
import { db, type Tx } from "../db";
import { takenMeanwhile } from "../db-values";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { RuleError } from "../actions/result";
import { recordAudit } from "../audit/mutations";
import { assertEmailUnused, emailTakenMeanwhile } from "../account/email-in-use";
import { queuePasswordResetCode } from "../account/mutations";
import { builtInUsergroupId } from "../access/roles";
import { CUSTOMER_INVITE_PROVIDER, CUSTOMER_RESET_PROVIDER, queueCustomerLink } from "../auth/customer-links";
import { kickDelivery } from "../email/outbox";
import { assertPortalLicence } from "../portal/licences";
import { lockCustomer, lockOrganization } from "../organization-lock";
import { deactivateCredentialsAt } from "../customer-app/credentials";
import { LOGIN_KINDS } from "./queries";
import { changedFields } from "../edits";
import { applySetChanges, applyValueChange } from "../roles/rules";
import { AGENT_EDIT_FIELDS, LOGIN_EDIT_FIELDS, type saveAgentSchema, type saveLoginSchema, type saveUsergroupSchema } from "./schemas";

const EMAIL_IN_USE = new RuleError("A login with this email already exists.", { email: "A login with this email already exists." });

async function manageableLogin(a: Actor, id: string) {
  const user = await db.user.findFirst({
    where: { id, organizationId: a.organizationId, kind: { in: [...LOGIN_KINDS] } },
    include: { usergroup: true, employee: { select: { id: true } }, contact: { select: { id: true } } },
  });
  if (!user) throw new NotFoundError("The login");
  if (user.employee) throw new RuleError("This login is an employee of the console: manage it on the Employees page.");
  if (user.id === a.userId) throw new RuleError("You cannot change your own login here.");
  return user;
}

/**
 * The usergroup a login goes into, read with the organization's row held: a usergroup deleted, or
 * turned external or internal, at the same moment cannot receive a login it no longer fits
 * (Delete and Is External count the usergroup's logins under the same lock).
 */
async function usergroupOf(tx: Tx, a: Actor, usergroupId: string) {
  await lockOrganization(tx, a.organizationId);
  const group = await tx.usergroup.findFirst({ where: { id: usergroupId, organizationId: a.organizationId } });
  if (!group) throw new RuleError("Choose a usergroup from the list.", { usergroupId: "Choose a usergroup from the list." });
  return group;
}

/** +Create and Edit: name, email (the username) and usergroup. An external usergroup takes a portal licence. */
export async function saveLogin(actor: Actor | null, input: z.output<typeof saveLoginSchema>) {
  const a = await assertCan(actor, "logins.manage");
  if (!input.id) {
    await assertEmailUnused(a.organizationId, input.email, EMAIL_IN_USE);
    const { user, group } = await db
      .$transaction(async (tx) => {
        const group = await usergroupOf(tx, a, input.usergroupId);
        // An external login is a customer's (linked to a contact later) or an agent's; an internal one is for the app (a personnel record's).
        const kind = group.kind === "INTERNAL" ? "EMPLOYEE" : group.builtIn === "AGENT" ? "AGENT" : "CUSTOMER";
        if (group.kind === "EXTERNAL") await assertPortalLicence(tx, a.organizationId);
        const user = await tx.user.create({ data: { organizationId: a.organizationId, name: input.name, email: input.email, kind, usergroupId: group.id } });
        await recordAudit({ actor: a, action: "logins.create", target: { type: "User", id: user.id, label: input.email }, detail: group.name }, tx);
        return { user, group };
      })
      .catch(emailTakenMeanwhile);
    return {
      message: `The login ${input.email} is created. ${group.kind === "EXTERNAL" ? "Link it to a customer contact so that it can sign in to the customer portal." : "Associate it with a personnel record to show jobs in the app."}`,
      data: { id: user.id },
    };
  }
  const user = await manageableLogin(a, input.id);
  // An edit writes only what its form changed: a change another admin saved meanwhile stays (lib/edits.ts).
  const changed = changedFields(input, input.shown, LOGIN_EDIT_FIELDS);
  const newEmail = changed.email !== undefined && changed.email !== user.email ? changed.email : undefined;
  if (newEmail) await assertEmailUnused(a.organizationId, newEmail, EMAIL_IN_USE);
  const email = await db
    .$transaction(async (tx) => {
      const group = changed.usergroupId !== undefined ? await usergroupOf(tx, a, changed.usergroupId) : null;
      if (group && (group.kind === "INTERNAL") !== (user.kind === "EMPLOYEE"))
        throw new RuleError("A login cannot move between internal and external usergroups: create a new login instead.", { usergroupId: "Choose a usergroup of the same kind." });
      const saved = await tx.user.update({
        where: { id: user.id },
        data: { name: changed.name, email: newEmail, usergroupId: group?.id, ...(newEmail ? { sessionVersion: { increment: 1 } } : {}) },
        include: { usergroup: { select: { name: true } } },
      });
      if (newEmail && user.contact) await tx.contact.update({ where: { id: user.contact.id }, data: { email: newEmail } });
      await recordAudit({ actor: a, action: "logins.edit", target: { type: "User", id: user.id, label: saved.email }, detail: saved.usergroup?.name }, tx);
      return saved.email;
    })
    .catch(emailTakenMeanwhile);
  return { message: `The login ${email} is saved.` };
}

/** Disable ends every session at once (and frees a portal login's licence); Enable lets the login sign in again. */
export async function setLoginDisabled(actor: Actor | null, input: { id: string; disabled: boolean }, now = new Date()) {
  const a = await assertCan(actor, "logins.manage");
  const user = await manageableLogin(a, input.id);
  await db.$transaction(async (tx) => {
    // A disabled portal login freed its licence; enabling it takes one again.
    if (!input.disabled && user.disabledAt && user.usergroup?.kind === "EXTERNAL") await assertPortalLicence(tx, a.organizationId);
    await tx.user.update({ where: { id: user.id }, data: input.disabled ? { disabledAt: now, sessionVersion: { increment: 1 } } : { disabledAt: null } });
    if (input.disabled) await tx.userSession.deleteMany({ where: { userId: user.id } });
    await recordAudit({ actor: a, action: input.disabled ? "logins.disable" : "logins.enable", target: { type: "User", id: user.id, label: user.email } }, tx);
  });
  return { message: `${user.email} is ${input.disabled ? "disabled" : "enabled"}.` };
}

/** Reset password emails a link (portal logins) or a code (app logins); a password is never shown. */
export async function resetLoginPassword(actor: Actor | null, input: { id: string }) {
  const a = await assertCan(actor, "logins.manage");
  const user = await manageableLogin(a, input.id);
  if (user.disabledAt) throw new RuleError("Enable the login first.");
  await db.$transaction(async (tx) => {
    if (user.kind === "EMPLOYEE") await queuePasswordResetCode(tx, user, "console", a.organizationName);
    else await queueCustomerLinkEmail(tx, user, CUSTOMER_RESET_PROVIDER, a.organizationName);
    await recordAudit({ actor: a, action: "logins.reset_password", target: { type: "User", id: user.id, label: user.email } }, tx);
  });
  await kickDelivery();
  return { message: `We emailed ${user.email} a link to set a new password.` };
}

/** The portal's own emails of a login: access given (create a password) or a password reset. */
function queueCustomerLinkEmail(tx: Tx, user: { email: string; organizationId: string }, provider: typeof CUSTOMER_INVITE_PROVIDER | typeof CUSTOMER_RESET_PROVIDER, organizationName: string) {
  const invite = provider === CUSTOMER_INVITE_PROVIDER;
  return queueCustomerLink(tx, user, provider, {
    organization: organizationName,
    subject: invite ? `${organizationName} gives you access to the customer portal` : "Set a new password for the customer portal",
    template: invite ? "portal-login-created" : "portal-password-reset",
    heading: invite ? "Create your password" : "Set a new password",
    intro: invite
      ? `You can now use the customer portal of ${organizationName}. Create a password; your email address ${user.email} is your username.`
      : "Select the button, confirm, then choose a new password.",
    linkLabel: invite ? "Create your password" : "Set a new password",
  });
}

/** Delete: the login goes; a linked contact stays as information, a personnel record loses its association. */
export async function deleteLogin(actor: Actor | null, input: { id: string }) {
  const a = await assertCan(actor, "logins.manage");
  const user = await manageableLogin(a, input.id);
  await db.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit({ actor: a, action: "logins.delete", target: { type: "User", id: user.id, label: user.email } }, tx);
  });
  return { message: `The login ${user.email} is deleted.` };
}

// ---- Usergroups ----

function groupList(names: string[]): string {
  return [...new Set(names)].join(",");
}

export async function saveUsergroup(actor: Actor | null, input: z.output<typeof saveUsergroupSchema>) {
  const a = await assertCan(actor, "logins.manage");
  const nameTaken = new RuleError("A usergroup with this name already exists.", { name: "A usergroup with this name already exists." });
  const named = input.id && input.shown?.name === input.name ? null : input.name;
  if (named) {
    const clash = await db.usergroup.findFirst({ where: { organizationId: a.organizationId, name: named, ...(input.id ? { id: { not: input.id } } : {}) }, select: { id: true } });
    if (clash) throw nameTaken;
  }
  return writeUsergroup(a, input).catch(takenMeanwhile(nameTaken));
}

/** External usergroups hold no console permissions (the Agent usergroup: read-only, none). */
function usergroupKind(isExternal: boolean, permissionGroups: string[]) {
  return { kind: isExternal ? ("EXTERNAL" as const) : ("INTERNAL" as const), permissionGroups: isExternal ? "" : groupList(permissionGroups) };
}

async function writeUsergroup(a: Actor, input: z.output<typeof saveUsergroupSchema>) {
  if (!input.id) {
    const { kind, permissionGroups } = usergroupKind(input.isExternal, input.permissionGroups);
    const group = await db.$transaction(async (tx) => {
      const group = await tx.usergroup.create({ data: { organizationId: a.organizationId, name: input.name, kind, canAccessApp: input.canAccessApp, permissionGroups } });
      await recordAudit({ actor: a, action: "usergroups.create", target: { type: "Usergroup", id: group.id, label: group.name } }, tx);
      return group;
    });
    return { message: `The usergroup ${group.name} is created.` };
  }
  const name = await db.$transaction(async (tx) => {
    // Under the organization's row, as a login created in the usergroup meanwhile is.
    await lockOrganization(tx, a.organizationId);
    const group = await tx.usergroup.findFirst({ where: { id: input.id, organizationId: a.organizationId } });
    if (!group) throw new NotFoundError("The usergroup");
    // What this form changed, applied to the usergroup as it is now: a change another admin saved
    // meanwhile stays (lib/edits.ts; permission groups added or removed, as for roles).
    const shown = input.shown;
    const current = { name: group.name, isExternal: group.kind === "EXTERNAL", canAccessApp: group.canAccessApp, permissionGroups: group.permissionGroups.split(",").filter(Boolean) };
    const merged = shown
      ? {
          name: applyValueChange(current.name, shown.name, input.name),
          isExternal: applyValueChange(current.isExternal, shown.isExternal, input.isExternal),
          canAccessApp: applyValueChange(current.canAccessApp, shown.canAccessApp, input.canAccessApp),
          permissionGroups: applySetChanges(current.permissionGroups, shown.permissionGroups, input.permissionGroups),
        }
      : input;
    const { kind, permissionGroups } = usergroupKind(merged.isExternal, merged.permissionGroups);
    if (group.builtIn && (group.name !== merged.name || group.kind !== kind)) throw new RuleError("A built-in usergroup keeps its name and whether it is external.");
    const logins = group.kind !== kind ? await tx.user.count({ where: { usergroupId: group.id } }) : 0;
    if (logins > 0) throw new RuleError(`Is External cannot change while ${logins} login(s) are in the usergroup.`, { isExternal: "Move its logins first." });
    await tx.usergroup.update({ where: { id: group.id }, data: { name: merged.name, kind, canAccessApp: merged.canAccessApp, permissionGroups } });
    await recordAudit({ actor: a, action: "usergroups.edit", target: { type: "Usergroup", id: group.id, label: merged.name } }, tx);
    return merged.name;
  });
  return { message: `The usergroup ${name} is saved.` };
}

export async function deleteUsergroup(actor: Actor | null, input: { id: string }) {
  const a = await assertCan(actor, "logins.manage");
  const group = await db.$transaction(async (tx) => {
    // Counted under the organization's row: a login created in the usergroup meanwhile would lose it.
    await lockOrganization(tx, a.organizationId);
    const group = await tx.usergroup.findFirst({ where: { id: input.id, organizationId: a.organizationId } });
    if (!group) throw new NotFoundError("The usergroup");
    if (group.builtIn) throw new RuleError("A built-in usergroup cannot be deleted.");
    const logins = await tx.user.count({ where: { usergroupId: group.id } });
    if (logins > 0) throw new RuleError(`${group.name} still has ${logins} login(s). Move them to another usergroup first.`);
    await tx.usergroup.delete({ where: { id: group.id } });
    await recordAudit({ actor: a, action: "usergroups.delete", target: { type: "Usergroup", id: group.id, label: group.name } }, tx);
    return group;
  });
  return { message: `The usergroup ${group.name} is deleted.` };
}

// ---- Agents ----

/** An agent and their login (in the Agent usergroup, taking a portal licence); the login gets an email to create its password. */
export async function saveAgent(actor: Actor | null, input: z.output<typeof saveAgentSchema>) {
  const a = await assertCan(actor, "logins.manage");
  if (!input.id) {
    await assertEmailUnused(a.organizationId, input.email, EMAIL_IN_USE);
    await db
      .$transaction(async (tx) => {
        await assertPortalLicence(tx, a.organizationId);
        const usergroupId = await builtInUsergroupId(tx, a.organizationId, "AGENT");
        const user = await tx.user.create({ data: { organizationId: a.organizationId, name: input.name, email: input.email, kind: "AGENT", usergroupId } });
        const agent = await tx.agent.create({ data: { organizationId: a.organizationId, userId: user.id, company: input.company, name: input.name, email: input.email } });
        await queueCustomerLinkEmail(tx, user, CUSTOMER_INVITE_PROVIDER, a.organizationName);
        await recordAudit({ actor: a, action: "agents.create", target: { type: "Agent", id: agent.id, label: `${input.name}, ${input.company}` } }, tx);
      })
      .catch(emailTakenMeanwhile);
    await kickDelivery();
    return { message: `${input.name} of ${input.company} is an agent now. We emailed them a link to create their password.` };
  }
  const agent = await db.agent.findFirst({ where: { id: input.id, organizationId: a.organizationId }, include: { user: true } });
  if (!agent) throw new NotFoundError("The agent");
  // An edit writes only what its form changed: a change another admin saved meanwhile stays (lib/edits.ts).
  const changed = changedFields(input, input.shown, AGENT_EDIT_FIELDS);
  const newEmail = changed.email !== undefined && changed.email !== (agent.user?.email ?? agent.email) ? changed.email : undefined;
  if (agent.user && newEmail) await assertEmailUnused(a.organizationId, newEmail, EMAIL_IN_USE);
  const saved = await db
    .$transaction(async (tx) => {
      const saved = await tx.agent.update({ where: { id: agent.id }, data: { company: changed.company, name: changed.name, email: changed.email } });
      if (agent.user) await tx.user.update({ where: { id: agent.user.id }, data: { name: changed.name, email: newEmail, ...(newEmail ? { sessionVersion: { increment: 1 } } : {}) } });
      await recordAudit({ actor: a, action: "agents.edit", target: { type: "Agent", id: agent.id, label: `${saved.name}, ${saved.company}` } }, tx);
      return saved;
    })
    .catch(emailTakenMeanwhile);
  return { message: `${saved.name} is saved.` };
}

/** Deleting an agent ends their access to every customer at once and deletes their login. */
export async function deleteAgent(actor: Actor | null, input: { id: string }) {
  const a = await assertCan(actor, "logins.manage");
  const agent = await db.agent.findFirst({ where: { id: input.id, organizationId: a.organizationId } });
  if (!agent) throw new NotFoundError("The agent");
  await db.$transaction(async (tx) => {
    await tx.agent.delete({ where: { id: agent.id } });
    if (agent.userId) await tx.user.delete({ where: { id: agent.userId } });
    await recordAudit({ actor: a, action: "agents.delete", target: { type: "Agent", id: agent.id, label: `${agent.name}, ${agent.company}` } }, tx);
  });
  return { message: `${agent.name} is no longer an agent.` };
}

/** Customer page → Details → Agent: one agent per customer; none ends the agent's access at once. */
export async function setCustomerAgent(actor: Actor | null, input: { customerId: string; agentId: string }) {
  const a = await assertCan(actor, "customers.manage");
  const customer = await db.customer.findFirst({ where: { id: input.customerId, organizationId: a.organizationId } });
  if (!customer) throw new NotFoundError("The customer");
  const agent = input.agentId ? await db.agent.findFirst({ where: { id: input.agentId, organizationId: a.organizationId } }) : null;
  if (input.agentId && !agent) throw new RuleError("Choose an agent from the list.", { agentId: "Choose an agent from the list." });
  await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customer.id }, data: { agentId: agent?.id ?? null } });
    await recordAudit({ actor: a, action: "customers.agent", target: { type: "Customer", id: customer.id, label: customer.name }, detail: agent ? `${agent.name}, ${agent.company}` : "no agent" }, tx);
  });
  return { message: agent ? `${agent.name} of ${agent.company} is the agent of ${customer.name}.` : `${customer.name} has no agent now.` };
}

// ---- Contacts ----

async function customerOf(a: Actor, customerId: string) {
  const customer = await db.customer.findFirst({ where: { id: customerId, organizationId: a.organizationId } });
  if (!customer) throw new NotFoundError("The customer");
  return customer;
}

async function contactOf(a: Actor, contactId: string) {
  const contact = await db.contact.findFirst({ where: { id: contactId, organizationId: a.organizationId }, include: { user: { select: { id: true, email: true } } } });
  if (!contact) throw new NotFoundError("The contact");
  return contact;
}

/** Create Customer Contact (information only until linked to a login); from a site's Contacts it is added there at once. */
export async function createContact(
  actor: Actor | null,
  input: { customerId: string; name: string; jobTitle: string; email: string; phone: string; notes: string; siteId?: string; role: "SITE_MANAGER" | "SITE_ADMIN" | "SITE_MEMBER" },
) {
  const a = await assertCan(actor, "logins.manage");
  const customer = await customerOf(a, input.customerId);
  const site = input.siteId ? await db.site.findFirst({ where: { id: input.siteId, organizationId: a.organizationId, customerId: customer.id } }) : null;
  if (input.siteId && !site) throw new NotFoundError("The site");
  const contact = await db.$transaction(async (tx) => {
    const contact = await tx.contact.create({
      data: { organizationId: a.organizationId, customerId: customer.id, name: input.name, jobTitle: input.jobTitle, email: input.email, phone: input.phone, notes: input.notes },
    });
    if (site) await tx.siteContact.create({ data: { siteId: site.id, contactId: contact.id, role: input.role } });
    await recordAudit(
      { actor: a, action: "contacts.create", target: { type: "Contact", id: contact.id, label: contact.name }, detail: site ? `${customer.name}, site ${site.name}` : customer.name },
      tx,
    );
    return contact;
  });
  return { message: site ? `${contact.name} is a contact of ${site.name} now.` : `${contact.name} is a contact of ${customer.name} now.`, data: { id: contact.id } };
}

/**
 * Link login (seed 002): an existing unlinked customer login, or a new one (Customer Portal
 * usergroup, a licence, and an email to create its password), with the portal scope: All sites of
 * the customer, or Specific sites (where the contact is a site contact).
 */
export async function linkContactLogin(actor: Actor | null, input: { contactId: string; mode: "existing" | "new"; userId: string; email: string; scope: "ALL_SITES" | "SPECIFIC_SITES" }) {
  const a = await assertCan(actor, "logins.manage");
  const contact = await contactOf(a, input.contactId);
  if (contact.user) throw new RuleError(`${contact.name} is already linked to ${contact.user.email}. Unlink it first.`);
  if (input.mode === "new") await assertEmailUnused(a.organizationId, input.email, EMAIL_IN_USE);
  let sent = false;
  const email = await db
    .$transaction(async (tx) => {
      let userId: string;
      let email: string;
      if (input.mode === "existing") {
        const user = await tx.user.findFirst({ where: { id: input.userId, organizationId: a.organizationId, kind: "CUSTOMER", contact: { is: null } } });
        if (!user) throw new RuleError("Choose a customer login that is not linked yet.", { userId: "Choose a customer login that is not linked yet." });
        userId = user.id;
        email = user.email;
      } else {
        await assertPortalLicence(tx, a.organizationId);
        const usergroupId = await builtInUsergroupId(tx, a.organizationId, "CUSTOMER_PORTAL");
        const user = await tx.user.create({ data: { organizationId: a.organizationId, name: contact.name, email: input.email, kind: "CUSTOMER", usergroupId } });
        await queueCustomerLinkEmail(tx, user, CUSTOMER_INVITE_PROVIDER, a.organizationName);
        sent = true;
        userId = user.id;
        email = user.email;
      }
      // Only while the contact is still unlinked: two links of one contact at once would leave the
      // first login unlinked (with its licence and its email sent).
      const linked = await tx.contact.updateMany({ where: { id: contact.id, userId: null }, data: { userId, portalScope: input.scope, ...(contact.email ? {} : { email }) } });
      if (linked.count !== 1) throw new RuleError(`${contact.name} was linked to another login just now. Reload to see it.`);
      await recordAudit(
        {
          actor: a,
          action: "contacts.link_login",
          target: { type: "Contact", id: contact.id, label: contact.name },
          detail: `${email}, ${input.scope === "ALL_SITES" ? "All sites" : "Specific sites"}`,
        },
        tx,
      );
      return email;
    })
    // Taken meanwhile: the new login's email (whose, cannot be told), or the existing login, linked to another contact at once.
    .catch(
      input.mode === "new" ? emailTakenMeanwhile : takenMeanwhile(new RuleError("Choose a customer login that is not linked yet.", { userId: "Choose a customer login that is not linked yet." })),
    );
  if (sent) await kickDelivery();
  return { message: `${contact.name} is linked to the login ${email}${sent ? "; we emailed a link to create the password" : ""}.` };
}

export async function setContactPortalScope(actor: Actor | null, input: { contactId: string; scope: "ALL_SITES" | "SPECIFIC_SITES" }) {
  const a = await assertCan(actor, "logins.manage");
  const contact = await contactOf(a, input.contactId);
  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: contact.id }, data: { portalScope: input.scope } });
    await recordAudit(
      { actor: a, action: "contacts.portal_scope", target: { type: "Contact", id: contact.id, label: contact.name }, detail: input.scope === "ALL_SITES" ? "All sites" : "Specific sites" },
      tx,
    );
  });
  return { message: `${contact.name} now sees ${input.scope === "ALL_SITES" ? "all sites of the customer" : "the sites where they are a site contact"} in the portal.` };
}

/** Unlink: the contact stays as information; the login can no longer reach the portal (its sessions end at once). */
export async function unlinkContactLogin(actor: Actor | null, input: { contactId: string }) {
  const a = await assertCan(actor, "logins.manage");
  const contact = await contactOf(a, input.contactId);
  if (!contact.user) throw new RuleError(`${contact.name} is not linked to a login.`);
  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: contact.id }, data: { userId: null } });
    await tx.userSession.deleteMany({ where: { userId: contact.user!.id } });
    await recordAudit({ actor: a, action: "contacts.unlink_login", target: { type: "Contact", id: contact.id, label: contact.name }, detail: contact.user!.email }, tx);
  });
  return { message: `${contact.name} is no longer linked to ${contact.user.email}.` };
}

/** Site → Contacts → Add Contact to Site: a contact of the site's customer, with a site role. */
export async function addContactToSite(actor: Actor | null, input: { siteId: string; contactId: string; role: "SITE_MANAGER" | "SITE_ADMIN" | "SITE_MEMBER" }) {
  const a = await assertCan(actor, "logins.manage");
  const site = await db.site.findFirst({ where: { id: input.siteId, organizationId: a.organizationId } });
  if (!site) throw new NotFoundError("The site");
  const contact = await db.contact.findFirst({ where: { id: input.contactId, organizationId: a.organizationId, customerId: site.customerId } });
  if (!contact) throw new RuleError("Choose a contact of this site's customer.", { contactId: "Choose a contact of this site's customer." });
  const already = new RuleError(`${contact.name} is already a contact of ${site.name}.`, { contactId: "Already a contact of this site." });
  const existing = await db.siteContact.findUnique({ where: { siteId_contactId: { siteId: site.id, contactId: contact.id } } });
  if (existing) throw already;
  await db
    .$transaction(async (tx) => {
      await tx.siteContact.create({ data: { siteId: site.id, contactId: contact.id, role: input.role } });
      await recordAudit({ actor: a, action: "contacts.add_to_site", target: { type: "Contact", id: contact.id, label: contact.name }, detail: site.name }, tx);
    })
    .catch(takenMeanwhile(already));
  return { message: `${contact.name} is a contact of ${site.name} now.` };
}

/** Remove from site: the contact's access there ends and their credentials there are deactivated; never the key account holder. */
export async function removeContactFromSite(actor: Actor | null, input: { siteId: string; contactId: string }, now = new Date()) {
  const a = await assertCan(actor, "logins.manage");
  const site = await db.site.findFirst({ where: { id: input.siteId, organizationId: a.organizationId } });
  if (!site) throw new NotFoundError("The site");
  const membership = await db.siteContact.findUnique({ where: { siteId_contactId: { siteId: site.id, contactId: input.contactId } }, include: { contact: true } });
  if (!membership) throw new NotFoundError("The site contact");
  const keyAccountHolder = new RuleError(`${membership.contact.name} is the key account holder of ${site.name}. Choose another key account holder first.`);
  if (site.keyAccountHolderId === membership.contactId) throw keyAccountHolder;
  await db.$transaction(async (tx) => {
    // As My Team's Privileges and Delete: a credential issued at this moment is deactivated with the
    // rest, and the key account holder is read again (the site form sets it under the same row).
    await lockCustomer(tx, site.customerId);
    const current = await tx.site.findUniqueOrThrow({ where: { id: site.id }, select: { keyAccountHolderId: true } });
    if (current.keyAccountHolderId === membership.contactId) throw keyAccountHolder;
    const deactivated = await deactivateCredentialsAt(tx, membership.contactId, [site.id], now);
    await tx.siteContact.delete({ where: { siteId_contactId: { siteId: site.id, contactId: membership.contactId } } });
    await recordAudit(
      {
        actor: a,
        action: "contacts.remove_from_site",
        target: { type: "Contact", id: membership.contactId, label: membership.contact.name },
        detail: `${site.name}; ${deactivated} credential(s) deactivated`,
      },
      tx,
    );
  });
  return { message: `${membership.contact.name} is no longer a contact of ${site.name}.` };
}

/** Settings → Customer portal: how many portal licences the organization has. */
export async function setPortalLicences(actor: Actor | null, input: { licences: number }) {
  const a = await assertCan(actor, "settings.manage");
  await db.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: a.organizationId }, data: { portalLicences: input.licences } });
    await recordAudit({ actor: a, action: "settings.portal_licences", target: { type: "Organization", id: a.organizationId, label: a.organizationName }, detail: String(input.licences) }, tx);
  });
  return { message: `The organization has ${input.licences} customer-portal licences.` };
}
