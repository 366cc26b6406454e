import "server-only";
// Customers' invitations and passwords (seed 001). A mobile invitation emails an activation link
// (72 hours) for the phone: the page it opens shows the app stores and, with SMS verification,
// asks for a 6-digit code texted to the person's mobile phone; activating issues their Mobile
// credential at their sites. A web invitation emails an Auth.js link to create a password; Forgot
// your password emails one to set a new one (lib/auth/customer-links.ts). Every message is an
// outbox row of the change's transaction.
import { createHmac, randomBytes } from "node:crypto";
import { db, type Tx } from "../db";
import type { Actor } from "../access/actor";
import { RuleError } from "../actions/result";
import { recordAudit } from "../audit/mutations";
import { afterResponse } from "../after-response";
import { appSecret, appUrl } from "../config";
import { INVALID_CODE_MESSAGE } from "../auth/codes";
import { CUSTOMER_INVITE_PROVIDER, CUSTOMER_RESET_PROVIDER, LINK_PASSWORD_WINDOW_MS, queueCustomerLink } from "../auth/customer-links";
import { consumeCode, issueCode } from "../auth/one-time-codes";
import { assertUsablePassword, hashPassword } from "../auth/passwords";
import { allowCodeRequest, allowRequest } from "../auth/rate-limit";
import { humanWait } from "../auth/rate-limit-rules";
import { endOtherSessions } from "../auth/user-sessions";
import { kickDelivery, queueEmail, queueSms } from "../email/outbox";
import { LinkEmail } from "../email/templates";
import { unusableEmail } from "../account/email-in-use";
import { requireCustomerActor, requirePortalActor } from "./queries";
import { assertPortalLicence } from "../portal/licences";
import { lockCustomer } from "../organization-lock";
import { builtInUsergroupId } from "../access/roles";
import { CUSTOMER_MESSAGES, INVITATION_TTL_MS, INVITATIONS_PER_ADDRESS, SMS_RESEND_AFTER_MS, SMS_SENDS } from "./rules";

type InvitedContact = { id: string; organizationId: string; name: string; email: string; phone: string; userId: string | null };

function activationTokenHash(token: string): string {
  return createHmac("sha256", appSecret()).update(`mobile-invitation:${token}`).digest("hex");
}

/**
 * The person's login (the email is the username): created with their first invitation, without a
 * password. An email that is already someone else's account cannot be used.
 */
export async function ensureCustomerLogin(tx: Tx, contact: InvitedContact): Promise<string> {
  if (contact.userId) return contact.userId;
  if (!contact.email) throw new RuleError("Add the person's email address first: it is their username.", { email: "Enter the email address." });
  const taken = await tx.user.findUnique({ where: { email: contact.email }, select: { id: true } });
  if (taken) throw unusableEmail();
  // A portal login (seed 002): in the Customer Portal usergroup, taking one of the licences.
  await assertPortalLicence(tx, contact.organizationId);
  const usergroupId = await builtInUsergroupId(tx, contact.organizationId, "CUSTOMER_PORTAL");
  const user = await tx.user.create({ data: { organizationId: contact.organizationId, email: contact.email, name: contact.name, kind: "CUSTOMER", usergroupId } });
  await tx.contact.update({ where: { id: contact.id }, data: { userId: user.id } });
  contact.userId = user.id;
  return user.id;
}

/**
 * Before a customer's change that sends messages in the dealer's name (CUSTOMER_MESSAGES): within
 * the caller's budget and, for an invitation, the invited address's. Refused with nothing changed;
 * the first refusal of a window is audited.
 */
export async function assertCustomerMessagesAllowed(me: Actor, what: string, invited?: { name: string; email: string }, now = new Date()): Promise<void> {
  const refuse = async (allowance: { firstRefusal: boolean }, detail: string, message: string) => {
    if (allowance.firstRefusal) await recordAudit({ actor: me, action: "customer.messages", outcome: "DENIED", detail: `${what}: ${detail}` });
    return new RuleError(message);
  };
  if (invited) {
    const address = await allowRequest(`invite:address:${invited.email.toLowerCase()}`, INVITATIONS_PER_ADDRESS, now);
    if (!address.allowed)
      throw await refuse(
        address,
        "too many invitations to one address",
        `${invited.name} was sent ${INVITATIONS_PER_ADDRESS.max} invitations in the last 15 minutes. The newest one is valid; wait a few minutes before sending another.`,
      );
  }
  const caller = await allowRequest(`customer-messages:${me.userId}`, CUSTOMER_MESSAGES, now);
  if (!caller.allowed)
    throw await refuse(caller, "too many messages", `You sent ${CUSTOMER_MESSAGES.max} invitations, codes and notices in the last 15 minutes. Wait a few minutes before sending more.`);
}

/** A mobile invitation, replacing the person's earlier one: a new activation link, emailed. */
export async function sendMobileInvitation(tx: Tx, contact: InvitedContact, options: { requireSms: boolean; organizationName: string }, now = new Date()): Promise<void> {
  if (options.requireSms && !contact.phone) throw new RuleError("Add the person's mobile phone first: the activation code is texted to it.", { phone: "Enter the mobile phone." });
  await ensureCustomerLogin(tx, contact);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const data = { requireSms: options.requireSms, tokenHash: activationTokenHash(token), expiresAt, acceptedAt: null, sentAt: now };
  await tx.invitation.upsert({ where: { contactId_kind: { contactId: contact.id, kind: "MOBILE" } }, create: { contactId: contact.id, kind: "MOBILE", ...data }, update: data });
  await queueEmail(tx, {
    organizationId: contact.organizationId,
    to: contact.email,
    subject: `${options.organizationName} invites you to the mobile app`,
    template: "customer-mobile-invitation",
    expiresAt,
    body: LinkEmail({
      organization: options.organizationName,
      heading: "Download the app and activate it",
      intro: `Hello ${contact.name}, you are invited to use the mobile app for your sites. Open this email on your phone, download the app, then activate it with the button.${options.requireSms ? " We will text a code to your mobile phone to check it is yours." : ""}`,
      link: `${appUrl()}/app/activate/${token}`,
      linkLabel: "Activate the mobile app",
      expiresIn: "72 hours",
    }),
  });
}

/** A web invitation, replacing the earlier one: an Auth.js link to create a password. */
export async function sendWebInvitation(tx: Tx, contact: InvitedContact, organizationName: string, now = new Date()): Promise<void> {
  await ensureCustomerLogin(tx, contact);
  const expires = await queueCustomerLink(
    tx,
    contact,
    CUSTOMER_INVITE_PROVIDER,
    {
      organization: organizationName,
      subject: `${organizationName} invites you to the web app`,
      template: "customer-web-invitation",
      heading: "Create your password",
      intro: `Hello ${contact.name}, you are invited to the web app for your sites. Create a password; your email address ${contact.email} is your username.`,
      linkLabel: "Create your password",
    },
    now,
  );
  const data = { requireSms: false, tokenHash: null, expiresAt: expires, acceptedAt: null, sentAt: now };
  await tx.invitation.upsert({ where: { contactId_kind: { contactId: contact.id, kind: "WEB" } }, create: { contactId: contact.id, kind: "WEB", ...data }, update: data });
}

/** Mobile credentials for every site where the person has access: one per site, or per credential group for a site in one. */
export async function issueMobileCredentials(tx: Tx, contact: { id: string; organizationId: string }, now = new Date()): Promise<number> {
  const memberships = await tx.siteContact.findMany({ where: { contactId: contact.id, enabled: true }, select: { site: { select: { id: true, credentialGroupId: true } } } });
  const scopes = new Map<string, { siteId: string | null; credentialGroupId: string | null }>();
  for (const { site } of memberships) {
    const scope = site.credentialGroupId ? { siteId: null, credentialGroupId: site.credentialGroupId } : { siteId: site.id, credentialGroupId: null };
    scopes.set(`${scope.siteId}:${scope.credentialGroupId}`, scope);
  }
  let issued = 0;
  for (const scope of scopes.values()) {
    const active = await tx.credential.findFirst({ where: { contactId: contact.id, type: "MOBILE", status: "ACTIVE", ...scope }, select: { id: true } });
    if (active) continue;
    await tx.credential.create({ data: { organizationId: contact.organizationId, contactId: contact.id, type: "MOBILE", ...scope, issuedAt: now } });
    issued++;
  }
  return issued;
}

// ---- The activation page (/app/activate/[token]), opened signed out on the phone ----

async function findActivation(token: string) {
  return db.invitation.findUnique({
    where: { tokenHash: activationTokenHash(token) },
    include: { contact: { select: { id: true, organizationId: true, customerId: true, name: true, email: true, phone: true, userId: true, organization: { select: { name: true } } } } },
  });
}

export type ActivationView =
  | { state: "invalid" }
  | { state: "expired"; organizationName: string }
  | { state: "accepted"; organizationName: string }
  | { state: "open"; organizationName: string; name: string; requireSms: boolean; phoneEnding: string; codeSentAt: Date | null; expiresAt: Date };

export async function getActivation(token: string, now = new Date()): Promise<ActivationView> {
  const invitation = token.length <= 200 ? await findActivation(token) : null;
  if (!invitation || invitation.kind !== "MOBILE") return { state: "invalid" };
  const organizationName = invitation.contact.organization.name;
  if (invitation.acceptedAt) return { state: "accepted", organizationName };
  if (invitation.expiresAt <= now) return { state: "expired", organizationName };
  const code = invitation.contact.userId
    ? await db.oneTimeCode.findUnique({ where: { userId_purpose: { userId: invitation.contact.userId, purpose: "MOBILE_ACTIVATION" } }, select: { createdAt: true, usedAt: true } })
    : null;
  return {
    state: "open",
    organizationName,
    name: invitation.contact.name,
    requireSms: invitation.requireSms,
    phoneEnding: invitation.contact.phone.slice(-2),
    codeSentAt: code && !code.usedAt && code.createdAt >= invitation.sentAt ? code.createdAt : null,
    expiresAt: invitation.expiresAt,
  };
}

const LINK_NOT_VALID = "This activation link is no longer valid. Ask your Site Manager for a new invitation.";

async function openActivation(token: string, now: Date) {
  const invitation = await findActivation(token);
  if (!invitation || invitation.kind !== "MOBILE" || invitation.acceptedAt || invitation.expiresAt <= now || !invitation.contact.userId) throw new RuleError(LINK_NOT_VALID);
  return { ...invitation, userId: invitation.contact.userId };
}

/** Texts the 6-digit code: a new one after 60 seconds, at most 3 per invitation in 15 minutes. */
export async function sendActivationCode(token: string, ip: string | null, now = new Date()) {
  const invitation = await openActivation(token, now);
  if (!invitation.requireSms) throw new RuleError("This invitation needs no code: activate the app with the button.");
  const earlier = await db.oneTimeCode.findUnique({ where: { userId_purpose: { userId: invitation.userId, purpose: "MOBILE_ACTIVATION" } }, select: { createdAt: true } });
  const since = earlier ? now.getTime() - earlier.createdAt.getTime() : Infinity;
  if (since < SMS_RESEND_AFTER_MS) throw new RuleError(`A code was just sent. You can ask for a new one in ${Math.ceil((SMS_RESEND_AFTER_MS - since) / 1000)} seconds.`);
  const allowance = await allowRequest(`sms:activation:${invitation.id}`, SMS_SENDS, now);
  if (!allowance.allowed) {
    if (allowance.firstRefusal)
      await recordAudit({
        organizationId: invitation.contact.organizationId,
        actorEmail: invitation.contact.email,
        action: "customer.activation.code",
        outcome: "DENIED",
        detail: "too many codes",
        ip,
      });
    throw new RuleError(`A code was already sent 3 times in the last 15 minutes. Wait ${humanWait(SMS_SENDS.windowMs)} at most before asking again.`);
  }
  await db.$transaction(async (tx) => {
    const { code, expiresAt } = await issueCode(tx, invitation.userId, "MOBILE_ACTIVATION", now);
    await queueSms(tx, {
      organizationId: invitation.contact.organizationId,
      to: invitation.contact.phone,
      template: "customer-activation-code",
      text: `${code} is your ${invitation.contact.organization.name} mobile app activation code. It expires in 10 minutes.`,
      expiresAt,
    });
    await recordAudit(
      {
        organizationId: invitation.contact.organizationId,
        actorEmail: invitation.contact.email,
        action: "customer.activation.code",
        target: { type: "Contact", id: invitation.contact.id, label: invitation.contact.name },
        ip,
      },
      tx,
    );
  });
  await kickDelivery();
  return { message: `We texted a code to your mobile phone ending in ${invitation.contact.phone.slice(-2)}.` };
}

/** Completes activation: the invitation is accepted once (conditional update) and the Mobile credentials are issued. */
export async function completeActivation(input: { token: string; code?: string }, ip: string | null, now = new Date()) {
  const invitation = await openActivation(input.token, now);
  const accept = async (tx: Tx) => {
    // The Mobile credentials go where the person has access, read under the customer's row as Privileges writes it.
    await lockCustomer(tx, invitation.contact.customerId);
    // Still this link's invitation: a new invitation sent meanwhile replaces the token, and the old link must not accept it.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, tokenHash: invitation.tokenHash, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw new RuleError(LINK_NOT_VALID);
    const issued = await issueMobileCredentials(tx, invitation.contact, now);
    await recordAudit(
      {
        organizationId: invitation.contact.organizationId,
        actorEmail: invitation.contact.email,
        action: "customer.invitation.accept",
        target: { type: "Contact", id: invitation.contact.id, label: invitation.contact.name },
        detail: `mobile; ${issued} mobile credential(s) issued`,
        ip,
      },
      tx,
    );
  };
  if (!invitation.requireSms) {
    await db.$transaction(accept);
  } else {
    const result = await consumeCode(invitation.userId, "MOBILE_ACTIVATION", input.code ?? "", accept);
    if (!result.ok) {
      await recordAudit({
        organizationId: invitation.contact.organizationId,
        actorEmail: invitation.contact.email,
        action: "customer.invitation.accept",
        outcome: "FAILURE",
        detail: result.reason,
        ip,
      });
      throw new RuleError(INVALID_CODE_MESSAGE, { code: INVALID_CODE_MESSAGE });
    }
  }
  return { message: "Your mobile app is activated." };
}

// ---- The web app's passwords ----

/** Forgot your password: the same answer, in the same time, for every address; the link and its email happen after the response. */
export async function requestCustomerPasswordReset(email: string, ip: string | null): Promise<void> {
  await afterResponse(async () => {
    const allowance = await allowCodeRequest(email, ip);
    if (!allowance.allowed) {
      if (allowance.firstRefusal) await recordAudit({ actorEmail: email, action: "auth.password_reset.request.customer", outcome: "DENIED", detail: "too many link requests", ip });
      return;
    }
    const user = await db.user.findUnique({ where: { email }, include: { organization: { select: { name: true } } } });
    if (!user || (user.kind !== "CUSTOMER" && user.kind !== "AGENT")) {
      await recordAudit({ actorEmail: email, action: "auth.password_reset.request.customer", outcome: "FAILURE", detail: "no such customer", ip });
      return;
    }
    await db.$transaction(async (tx) => {
      await queueCustomerLink(tx, user, CUSTOMER_RESET_PROVIDER, {
        organization: user.organization.name,
        subject: "Set a new password for the web app",
        template: "customer-password-reset",
        heading: "Set a new password",
        intro: "Select the button, confirm, then choose a new password. If you did not ask for this, ignore this email: your password stays as it is.",
        linkLabel: "Set a new password",
      });
      await recordAudit({ organizationId: user.organizationId, actorEmail: email, action: "auth.password_reset.request.customer", target: { type: "User", id: user.id, label: email }, ip }, tx);
    });
    await kickDelivery();
  });
}

/** Whether this session came from an emailed link recently enough to set a password without the current one. */
export async function canSetPasswordFromLink(actor: Actor | null, now = new Date()): Promise<boolean> {
  if (actor?.kind !== "CUSTOMER" && actor?.kind !== "AGENT") return false;
  const me = requirePortalActor(actor);
  if (!me.sessionId) return false;
  const session = await db.userSession.findUnique({ where: { id: me.sessionId }, select: { userId: true, linkSignInAt: true } });
  return !!session?.linkSignInAt && session.userId === me.userId && now.getTime() - session.linkSignInAt.getTime() < LINK_PASSWORD_WINDOW_MS;
}

/**
 * The set-password form after a web invitation or password reset link. Ends every other session,
 * and accepts the web invitation.
 */
export async function setPasswordFromLink(actor: Actor | null, input: { password: string }, now = new Date()) {
  const me = requirePortalActor(actor);
  if (!(await canSetPasswordFromLink(me, now))) throw new RuleError("To set a password, open the link in your email again, or ask for a new one with Forgot your password.");
  assertUsablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.userId }, data: { passwordHash } });
    await tx.userSession.update({ where: { id: me.sessionId! }, data: { linkSignInAt: null } });
    await endOtherSessions(tx, me.userId, me.sessionId!);
    // By the contact's id, the invitations' index (a filter on contact.userId scans every invitation).
    const contact = await tx.contact.findUnique({ where: { userId: me.userId }, select: { id: true } });
    if (contact) await tx.invitation.updateMany({ where: { contactId: contact.id, kind: "WEB", acceptedAt: null }, data: { acceptedAt: now } });
    await recordAudit({ actor: me, action: "customer.password.set", target: { type: "User", id: me.userId, label: me.email } }, tx);
  });
  return { message: "Your password is set. From now on, sign in with your email and this password." };
}

/** Seed 001's way back after a lost phone or a forgotten app login: a new mobile invitation to oneself. */
export async function sendMyselfMobileInvitation(actor: Actor | null, now = new Date()) {
  const me = requireCustomerActor(actor);
  const contact = await db.contact.findFirst({ where: { userId: me.userId, organizationId: me.organizationId } });
  if (!contact) throw new RuleError("You are not on a site's team yet.");
  const allowance = await allowRequest(`invite-self:${me.userId}`, SMS_SENDS, now);
  if (!allowance.allowed) throw new RuleError("You asked for 3 invitations in the last 15 minutes. Use the newest email, or wait a few minutes.");
  await db.$transaction(async (tx) => {
    await sendMobileInvitation(tx, contact, { requireSms: !!contact.phone, organizationName: me.organizationName }, now);
    await recordAudit({ actor: me, action: "customer.invitation.send", target: { type: "Contact", id: contact.id, label: contact.name }, detail: "mobile, to myself" }, tx);
  });
  await kickDelivery();
  return { message: `We emailed a new mobile invitation to ${contact.email}. Open it on your phone.` };
}
