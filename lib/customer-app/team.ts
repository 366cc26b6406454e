import "server-only";
// My Team's management actions (seed 001): + ADD USER, Invite, Privileges, Edit, Delete, and the
// user codes of a person's credentials. Only a Site Manager, and only at the sites they manage:
// everybody else is refused here, whatever the page showed. A person of a site the caller does
// not manage looks missing. Every change is one transaction with its audit row and its messages.
import { db, type Tx } from "../db";
import { lockCustomer } from "../organization-lock";
import { generateCode } from "../auth/codes";
import type { Actor } from "../access/actor";
import { NotFoundError } from "../access/actor";
import { DeniedError, RuleError } from "../actions/result";
import { recordAudit } from "../audit/mutations";
import { emailTakenMeanwhile, unusableEmail } from "../account/email-in-use";
import { kickDelivery, queueSms } from "../email/outbox";
import { INVALID_PHONE, toE164 } from "../phone";
import { requireCustomerActor, signInDetailsLocked } from "./queries";
import { assertCustomerMessagesAllowed, issueMobileCredentials, sendMobileInvitation, sendWebInvitation } from "./invitations";
import { deactivateCredentialsAt } from "./credentials";
import { signInDetailsLockedReason, SITE_ROLE_LABEL, USER_CODE_LENGTH, webInvitationAllowed, type SiteRoleChoice, type SiteRoleName } from "./rules";
import { changedFields } from "../edits";
import { TEAM_MEMBER_EDIT_FIELDS, type editTeamMemberSchema } from "./schemas";
import type { z } from "zod";

type ManagedSite = { id: string; name: string; customerId: string; country: string; credentialGroupId: string | null; keyAccountHolderId: string | null };

/** The sites the caller manages (Site Manager, access on). None: My Team is not theirs, refused and audited. */
async function managedSites(me: Actor, what: string): Promise<Map<string, ManagedSite>> {
  const rows = await db.siteContact.findMany({
    where: { role: "SITE_MANAGER", enabled: true, contact: { userId: me.userId, organizationId: me.organizationId } },
    select: { site: { select: { id: true, name: true, customerId: true, country: true, credentialGroupId: true, keyAccountHolderId: true } } },
  });
  if (rows.length === 0) throw new DeniedError("Only a Site Manager can manage a team.", `${what} by a customer who manages no site`);
  return new Map(rows.map((r) => [r.site.id, r.site]));
}

/** A person of the caller's team: someone with a role at one of the sites they manage. */
async function teamMember(me: Actor, managed: Map<string, ManagedSite>, contactId: string) {
  const contact = await db.contact.findFirst({
    where: { id: contactId, organizationId: me.organizationId, sites: { some: { siteId: { in: [...managed.keys()] } } } },
    include: { sites: true, invitations: true, user: { select: { id: true, email: true } } },
  });
  if (!contact) throw new NotFoundError("The person");
  return contact;
}

/** The person's sites that the caller manages. */
function sitesOf(contact: { sites: { siteId: string }[] }, managed: Map<string, ManagedSite>): ManagedSite[] {
  return contact.sites.filter((s) => managed.has(s.siteId)).map((s) => managed.get(s.siteId)!);
}

/**
 * One person per email on a customer's team. In a change's transaction, check it with the
 * customer's row held (lockCustomer): two managers adding the same email at once then make one.
 */
async function assertNotOnTeam(tx: Tx | typeof db, me: Actor, customerId: string, email: string, except?: string) {
  const existing = await tx.contact.findFirst({ where: { organizationId: me.organizationId, customerId, email, ...(except ? { id: { not: except } } : {}) }, select: { id: true } });
  if (existing && except) throw new RuleError("Another person of your team has this email.", { email: "Another person of your team has this email." });
  if (existing) throw new RuleError("This person is already on your team.", { email: "This email is already on your team." });
}

/**
 * The caller is still an enabled Site Manager of these sites, read with their customers' rows held,
 * where Privileges, Delete and the console's Logins write roles and access. Every My Team change and
 * Installer Mode check it in their transaction: a manager demoted or switched off at that moment adds,
 * invites, edits or deletes nobody, makes no user code and leaves Installer Mode as it is. Privileges
 * and Delete rely on it also so that no site is left without a Site Manager: two managers demoting,
 * switching off or deleting each other at once would each see themselves remain.
 */
export async function assertStillManaging(tx: Tx, me: Actor, sites: Pick<ManagedSite, "id" | "customerId">[]) {
  for (const customerId of [...new Set(sites.map((s) => s.customerId))].sort()) await lockCustomer(tx, customerId);
  const managing = await tx.siteContact.count({ where: { siteId: { in: sites.map((s) => s.id) }, role: "SITE_MANAGER", enabled: true, contact: { userId: me.userId } } });
  if (managing !== sites.length) throw new RuleError("Your own privileges changed just now: you no longer manage all of these sites. Reload the page.");
}

function phoneOrError(phone: string, country: string): string {
  if (!phone) return "";
  const e164 = toE164(phone, country);
  if (!e164) throw new RuleError("Check the highlighted fields.", { phone: INVALID_PHONE });
  return e164;
}

function fullName(input: { firstName: string; lastName: string }): string {
  return `${input.firstName} ${input.lastName}`.trim();
}

/** + ADD USER: the contact, their roles at the manager's sites, and the first invitation, always mobile with SMS verification. */
export async function addTeamMember(
  actor: Actor | null,
  input: { firstName: string; lastName: string; email: string; phone: string; mobileAppUser: boolean; sites: { siteId: string; role: SiteRoleChoice }[] },
  now = new Date(),
) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Add user");
  const chosen = input.sites.filter((s) => s.role !== "NONE") as { siteId: string; role: SiteRoleName }[];
  const foreign = chosen.find((s) => !managed.has(s.siteId));
  if (foreign) throw new DeniedError("You can only give roles at the sites you manage.", `Add user with a role at site ${foreign.siteId}, which the caller does not manage`);
  const sites = chosen.map((s) => managed.get(s.siteId)!);
  if (!sites[0]) throw new RuleError("Give the person a role at one site at least.", { sites: "Give the person a role at one site at least." });
  const customerId = sites[0].customerId;
  if (sites.some((s) => s.customerId !== customerId)) throw new RuleError("Add the person to the sites of one customer at a time.", { sites: "Choose sites of one customer." });
  const phone = phoneOrError(input.phone, sites[0].country);
  if (input.email) {
    // Checked here before the message budget is spent, and again in the transaction for a request at the same moment.
    await assertNotOnTeam(db, me, customerId, input.email);
    if (input.mobileAppUser && (await db.user.findUnique({ where: { email: input.email }, select: { id: true } }))) throw unusableEmail();
  }
  const name = fullName(input);
  if (input.mobileAppUser) await assertCustomerMessagesAllowed(me, "Add user", { name, email: input.email }, now);
  const contact = await db
    .$transaction(async (tx) => {
      await assertStillManaging(tx, me, sites);
      if (input.email) await assertNotOnTeam(tx, me, customerId, input.email);
      const contact = await tx.contact.create({ data: { organizationId: me.organizationId, customerId, name, email: input.email, phone } });
      await tx.siteContact.createMany({ data: chosen.map((s) => ({ siteId: s.siteId, contactId: contact.id, role: s.role })) });
      if (input.mobileAppUser) await sendMobileInvitation(tx, contact, { requireSms: true, organizationName: me.organizationName }, now);
      await recordAudit(
        {
          actor: me,
          action: "customer.team.add",
          target: { type: "Contact", id: contact.id, label: name },
          detail: chosen.map((s) => `${managed.get(s.siteId)!.name}: ${SITE_ROLE_LABEL[s.role]}`).join(", "),
        },
        tx,
      );
      return contact;
    })
    .catch(emailTakenMeanwhile); // the new login's
  await kickDelivery();
  return { message: input.mobileAppUser ? `${name} is added. We emailed them a mobile invitation.` : `${name} is added.`, data: { id: contact.id } };
}

/** Invite: a new mobile (with or without SMS verification) or web invitation, replacing the previous one of the same kind. */
export async function inviteTeamMember(actor: Actor | null, input: { contactId: string; method: "mobile" | "web"; requireSms: boolean }, now = new Date()) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Invite");
  const contact = await teamMember(me, managed, input.contactId);
  if (!contact.email) throw new RuleError(`Add ${contact.name}'s email address with Edit first: it is their username.`);
  if (input.method === "web" && !webInvitationAllowed(contact.invitations))
    throw new RuleError(`${contact.name} has not received a mobile invitation yet. The first invitation is always a mobile invitation.`);
  await assertCustomerMessagesAllowed(me, "Invite", contact, now);
  await db.$transaction(async (tx) => {
    await assertStillManaging(tx, me, sitesOf(contact, managed));
    if (input.method === "mobile") await sendMobileInvitation(tx, contact, { requireSms: input.requireSms, organizationName: me.organizationName }, now);
    else await sendWebInvitation(tx, contact, me.organizationName, now);
    await recordAudit(
      {
        actor: me,
        action: "customer.invitation.send",
        target: { type: "Contact", id: contact.id, label: contact.name },
        detail: input.method === "web" ? "web" : `mobile${input.requireSms ? ", SMS verification" : ""}`,
      },
      tx,
    );
  });
  await kickDelivery();
  return { message: `We emailed ${contact.name} a ${input.method === "web" ? "web" : "mobile"} invitation.` };
}

/** Privileges: the person's role and access switch at each site the caller manages; access off deactivates their credentials there. */
export async function setTeamPrivileges(actor: Actor | null, request: { contactId: string; sites: { siteId: string; role: SiteRoleChoice; enabled: boolean }[] }, now = new Date()) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Privileges");
  const contact = await teamMember(me, managed, request.contactId);
  const removed = request.sites.find((s) => s.role === "NONE" && contact.sites.some((m) => m.siteId === s.siteId));
  if (removed) throw new RuleError(`To end ${contact.name}'s access to ${managed.get(removed.siteId)?.name ?? "a site"}, switch Access off or use Delete.`);
  // Sites left at "No access" that the person is not at stay as they are.
  const input = { contactId: request.contactId, sites: request.sites.filter((s): s is { siteId: string; role: SiteRoleName; enabled: boolean } => s.role !== "NONE") };
  const foreign = request.sites.find((s) => !managed.has(s.siteId));
  if (foreign) throw new DeniedError("You can only change privileges at the sites you manage.", `Privileges at site ${foreign.siteId}, which the caller does not manage`);
  // The caller stays a Site Manager of each of these sites, so none is left without one.
  if (contact.userId === me.userId) throw new RuleError("You cannot change your own privileges. Ask another Site Manager of the site.");
  const makesManager = input.sites.some((s) => s.role === "SITE_MANAGER");
  const managerNeedsApp = () => new RuleError(`A Site Manager must be a mobile app user: add ${contact.name}'s email and mobile phone with Edit first.`);
  if (makesManager && (!contact.email || !contact.phone)) throw managerNeedsApp();
  await db.$transaction(async (tx) => {
    await assertStillManaging(
      tx,
      me,
      input.sites.map((s) => managed.get(s.siteId)!),
    );
    // Read again under the customer's row: another manager's Edit may have just removed them.
    if (makesManager) {
      const current = await tx.contact.findUniqueOrThrow({ where: { id: contact.id }, select: { email: true, phone: true } });
      if (!current.email || !current.phone) throw managerNeedsApp();
    }
    const turnedOff: string[] = [];
    let turnedOn = false;
    for (const s of input.sites) {
      const current = contact.sites.find((m) => m.siteId === s.siteId);
      if (current) await tx.siteContact.update({ where: { siteId_contactId: { siteId: s.siteId, contactId: contact.id } }, data: { role: s.role, enabled: s.enabled } });
      else await tx.siteContact.create({ data: { siteId: s.siteId, contactId: contact.id, role: s.role, enabled: s.enabled } });
      if (current?.enabled !== false && !s.enabled) turnedOff.push(s.siteId);
      if (current && !current.enabled && s.enabled) turnedOn = true;
    }
    await deactivateCredentialsAt(tx, contact.id, turnedOff, now);
    // Access back on: a person whose app is activated gets their Mobile credential there again.
    if ((turnedOn || input.sites.some((s) => s.enabled && !contact.sites.some((m) => m.siteId === s.siteId))) && contact.invitations.some((i) => i.kind === "MOBILE" && i.acceptedAt))
      await issueMobileCredentials(tx, contact, now);
    await recordAudit(
      {
        actor: me,
        action: "customer.team.privileges",
        target: { type: "Contact", id: contact.id, label: contact.name },
        detail: input.sites.map((s) => `${managed.get(s.siteId)!.name}: ${SITE_ROLE_LABEL[s.role]}${s.enabled ? "" : " (access off)"}`).join(", "),
      },
      tx,
    );
  });
  return { message: `${contact.name}'s privileges are saved.` };
}

/** Edit: name, email (their username; changed on the login too) and mobile phone. */
export async function editTeamMember(actor: Actor | null, input: z.output<typeof editTeamMemberSchema>) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Edit user");
  const contact = await teamMember(me, managed, input.contactId);
  const site = sitesOf(contact, managed)[0]!;
  // Only what this form changed is written: a change another manager saved meanwhile stays (lib/edits.ts).
  const changed = changedFields(input, input.shown, TEAM_MEMBER_EDIT_FIELDS);
  const renamed = changed.firstName !== undefined || changed.lastName !== undefined;
  const email = changed.email ?? contact.email;
  const phone = changed.phone !== undefined ? phoneOrError(changed.phone, site.country) : contact.phone;
  const withoutSignIn = !email || !phone;
  const managerNeedsApp = () =>
    new RuleError("A Site Manager must be a mobile app user, with an email and a mobile phone.", {
      ...(email ? {} : { email: "Enter the email address." }),
      ...(phone ? {} : { phone: "Enter the mobile phone." }),
    });
  if (withoutSignIn && contact.sites.some((s) => s.role === "SITE_MANAGER")) throw managerNeedsApp();
  if (contact.user && !email) throw new RuleError("The email address is this person's username: it cannot be removed.", { email: "Enter the email address." });
  const emailChanged = email !== contact.email;
  // The stored phone may be as the dealer typed it in the console: compared in E.164.
  const phoneChanged = phone !== contact.phone && phone !== toE164(contact.phone, site.country);
  if ((emailChanged || phoneChanged) && (await signInDetailsLocked(me, [contact], new Set(managed.keys()))).has(contact.id)) {
    throw new RuleError(signInDetailsLockedReason(contact.name), {
      ...(emailChanged ? { email: "You cannot change this person's email." } : {}),
      ...(phoneChanged ? { phone: "You cannot change this person's mobile phone." } : {}),
    });
  }
  if (emailChanged && email) await assertNotOnTeam(db, me, contact.customerId, email, contact.id);
  if (emailChanged && email && (await db.user.findFirst({ where: { email, id: { not: contact.userId ?? "" } }, select: { id: true } }))) throw unusableEmail();
  const name = renamed ? fullName(input) : contact.name;
  await db
    .$transaction(async (tx) => {
      await assertStillManaging(tx, me, sitesOf(contact, managed));
      if (emailChanged && email) await assertNotOnTeam(tx, me, contact.customerId, email, contact.id);
      // Made a Site Manager meanwhile (another manager's Privileges): they keep what a Site Manager needs.
      if (withoutSignIn && (await tx.siteContact.count({ where: { contactId: contact.id, role: "SITE_MANAGER" } }))) throw managerNeedsApp();
      await tx.contact.update({
        where: { id: contact.id },
        data: { name: renamed ? name : undefined, email: changed.email !== undefined ? email : undefined, phone: changed.phone !== undefined ? phone : undefined },
      });
      // The username changes with the email; sessions signed in under the old one end.
      if (contact.user && changed.email !== undefined && email !== contact.user.email) await tx.user.update({ where: { id: contact.user.id }, data: { email, sessionVersion: { increment: 1 } } });
      await recordAudit({ actor: me, action: "customer.team.edit", target: { type: "Contact", id: contact.id, label: name } }, tx);
    })
    .catch(emailTakenMeanwhile);
  return { message: `${name} is saved.` };
}

/** The sites where Delete would end the person's access: those of theirs the caller manages. */
export async function deletionSites(actor: Actor | null, contactId: string) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Delete user");
  const contact = await teamMember(me, managed, contactId);
  return sitesOf(contact, managed).map((s) => s.name);
}

/**
 * Delete User: removes the person's access at the sites the caller manages only; their credentials
 * there are deactivated, history keeps their name. The key account holder of such a site cannot be deleted.
 */
export async function deleteTeamMember(actor: Actor | null, input: { contactId: string }, now = new Date()) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Delete user");
  const contact = await teamMember(me, managed, input.contactId);
  if (contact.userId === me.userId) throw new RuleError("You cannot delete yourself from your team.");
  const at = sitesOf(contact, managed);
  const keyAccountHolder = (sites: { name: string }[]) =>
    new RuleError(
      `${contact.name} is the key account holder of ${sites.map((s) => s.name).join(", ")}: the key account holder cannot be deleted, only edited. Your dealer can change the key account holder.`,
    );
  const keyAccount = at.filter((s) => s.keyAccountHolderId === contact.id);
  if (keyAccount.length) throw keyAccountHolder(keyAccount);
  const siteIds = at.map((s) => s.id);
  await db.$transaction(async (tx) => {
    await assertStillManaging(tx, me, at);
    // Read again under the customer's row, where the console's site form sets it: made key account holder at this moment.
    const madeKeyAccount = await tx.site.findMany({ where: { id: { in: siteIds }, keyAccountHolderId: contact.id }, select: { name: true } });
    if (madeKeyAccount.length) throw keyAccountHolder(madeKeyAccount);
    const deactivated = await deactivateCredentialsAt(tx, contact.id, siteIds, now);
    await tx.siteContact.deleteMany({ where: { contactId: contact.id, siteId: { in: siteIds } } });
    // No site left: the login stops working at once (the contact stays for history).
    const left = await tx.siteContact.count({ where: { contactId: contact.id } });
    if (left === 0 && contact.userId) {
      await tx.user.update({ where: { id: contact.userId }, data: { sessionVersion: { increment: 1 } } });
      await tx.userSession.deleteMany({ where: { userId: contact.userId } });
    }
    await recordAudit(
      {
        actor: me,
        action: "customer.team.delete",
        target: { type: "Contact", id: contact.id, label: contact.name },
        detail: `${at.map((s) => s.name).join(", ")}; ${deactivated} credential(s) deactivated`,
      },
      tx,
    );
  });
  return { message: `${contact.name} no longer has access to ${at.map((s) => s.name).join(", ")}.` };
}

/**
 * A user code for the person at one of the caller's sites (scope: the site, or its credential
 * group). To View returns it once, to be shown to the manager; To Send texts it to the person and
 * returns nothing. The code itself is kept nowhere but in the panel's copy (and the text until it is sent).
 */
export async function generateTeamUserCode(actor: Actor | null, input: { contactId: string; siteId: string; delivery: "view" | "send" }, now = new Date()) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Generate user code");
  const contact = await teamMember(me, managed, input.contactId);
  const site = managed.get(input.siteId);
  const membership = contact.sites.find((s) => s.siteId === input.siteId);
  if (!site || !membership) throw new NotFoundError("The site");
  if (!membership.enabled) throw new RuleError(`${contact.name}'s access to ${site.name} is off. Turn it on with Privileges first.`);
  if (input.delivery === "send" && !contact.phone) throw new RuleError(`${contact.name} has no mobile phone to text the code to. Use To View, or add the phone with Edit.`);
  if (input.delivery === "send") await assertCustomerMessagesAllowed(me, "Generate user code To Send", undefined, now);
  const code = generateCode(USER_CODE_LENGTH);
  await db.$transaction(async (tx) => {
    // Access (the person's and the caller's) and the site's credential group read again under the
    // customer's row, where Privileges, Delete, the console's Remove and its credential-group changes
    // write them: a code made while access was switched off would stay active after it, and one
    // scoped to the site as it joined a group would stay beside the group's credentials that replaced the site's.
    await assertStillManaging(tx, me, [site]);
    const current = await tx.siteContact.findUnique({ where: { siteId_contactId: { siteId: site.id, contactId: contact.id } }, select: { enabled: true } });
    if (!current) throw new NotFoundError("The site");
    if (!current.enabled) throw new RuleError(`${contact.name}'s access to ${site.name} is off. Turn it on with Privileges first.`);
    const { credentialGroupId } = await tx.site.findUniqueOrThrow({ where: { id: site.id }, select: { credentialGroupId: true } });
    const scope = credentialGroupId ? { credentialGroupId } : { siteId: site.id };
    await tx.credential.create({ data: { organizationId: me.organizationId, contactId: contact.id, type: "USER_CODE", ...scope, issuedAt: now } });
    if (input.delivery === "send")
      await queueSms(tx, { organizationId: me.organizationId, to: contact.phone, template: "customer-user-code", text: `Your user code for ${site.name} is ${code}. Keep it to yourself.` });
    await recordAudit(
      {
        actor: me,
        action: "customer.user_code.generate",
        target: { type: "Contact", id: contact.id, label: contact.name },
        detail: `${site.name}, ${input.delivery === "view" ? "To View" : "To Send"}`,
      },
      tx,
    );
  });
  if (input.delivery === "send") {
    await kickDelivery();
    return { message: `A new user code was texted to ${contact.name}.` };
  }
  return { message: `A new user code for ${contact.name} at ${site.name}.`, data: { code } };
}

/** Deleting a user code revokes it (deactivated; history keeps it). */
export async function deleteTeamUserCode(actor: Actor | null, input: { credentialId: string }, now = new Date()) {
  const me = requireCustomerActor(actor);
  const managed = await managedSites(me, "Delete user code");
  const siteIds = [...managed.keys()];
  const groupIds = [...managed.values()].map((s) => s.credentialGroupId).filter((g): g is string => !!g);
  const credential = await db.credential.findFirst({
    where: {
      id: input.credentialId,
      organizationId: me.organizationId,
      type: "USER_CODE",
      OR: [{ siteId: { in: siteIds } }, ...(groupIds.length ? [{ credentialGroupId: { in: groupIds } }] : [])],
      contact: { sites: { some: { siteId: { in: siteIds } } } },
    },
    include: { contact: { select: { id: true, name: true } } },
  });
  if (!credential) throw new NotFoundError("The user code");
  if (credential.status !== "ACTIVE") return { message: "This user code was already deleted." };
  await db.$transaction(async (tx) => {
    await tx.credential.updateMany({ where: { id: credential.id, status: "ACTIVE" }, data: { status: "DEACTIVATED", deactivatedAt: now } });
    await recordAudit({ actor: me, action: "customer.user_code.delete", target: { type: "Contact", id: credential.contact.id, label: credential.contact.name } }, tx);
  });
  return { message: `${credential.contact.name}'s user code is deleted.` };
}
