import "server-only";
// The customer web app's emailed links (seed 001): a web invitation (create a password, 72 hours)
// and Forgot your password (set a new one, 10 minutes). Both are Auth.js email-provider
// verification tokens: the token is made and stored the way Auth.js makes it (random, stored as
// SHA-256 of token + secret), but here, in the transaction of the change that sends it, so that
// the email is an outbox row of that transaction. Auth.js's callback uses it up (once) and signs
// the person in; that session may then set a password without the current one, for a short while.
// The emailed link opens a confirmation page first, so mail scanners cannot use it up.
import { createHash, randomBytes } from "node:crypto";
import type { EmailConfig } from "next-auth/providers/email";
import { appSecret, appUrl } from "../config";
import { db, type Tx } from "../db";
import { normalizeEmail } from "../email-address";
import { queueEmail } from "../email/outbox";
import { LinkEmail } from "../email/templates";

export const CUSTOMER_INVITE_PROVIDER = "customer-invite";
export const CUSTOMER_RESET_PROVIDER = "customer-reset";
export type CustomerLinkProvider = typeof CUSTOMER_INVITE_PROVIDER | typeof CUSTOMER_RESET_PROVIDER;

export const CUSTOMER_LINK_MAX_AGE_S: Record<CustomerLinkProvider, number> = {
  [CUSTOMER_INVITE_PROVIDER]: 72 * 60 * 60,
  [CUSTOMER_RESET_PROVIDER]: 10 * 60,
};
export const CUSTOMER_LINK_EXPIRES_IN: Record<CustomerLinkProvider, string> = { [CUSTOMER_INVITE_PROVIDER]: "72 hours", [CUSTOMER_RESET_PROVIDER]: "10 minutes" };

/** How long after following a link its session may set a password without the current one. */
export const LINK_PASSWORD_WINDOW_MS = 30 * 60 * 1000;

/** As Auth.js's callback hashes the token of a link it is given. */
function storedToken(token: string): string {
  return createHash("sha256").update(`${token}${appSecret()}`).digest("hex");
}

/**
 * Writes a new link token for the address in the caller's transaction, replacing the earlier one
 * of the same purpose, and returns the URL of the confirmation page to email.
 */
export async function issueCustomerLink(tx: Tx, email: string, provider: CustomerLinkProvider, now = new Date()): Promise<{ url: string; expires: Date }> {
  const identifier = normalizeEmail(email);
  const token = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + CUSTOMER_LINK_MAX_AGE_S[provider] * 1000);
  await tx.verificationToken.deleteMany({ where: { identifier, purpose: provider } });
  await tx.verificationToken.create({ data: { identifier, token: storedToken(token), expires, purpose: provider } });
  const callback = `${appUrl()}/api/auth/callback/${provider}?${new URLSearchParams({ callbackUrl: `${appUrl()}/app/set-password`, token, email: identifier })}`;
  return { url: `${appUrl()}/app/link?${new URLSearchParams({ link: callback })}`, expires };
}

export type CustomerLinkMail = { organization: string; subject: string; template: string; heading: string; intro: string; linkLabel: string };

/** Issues a link (issueCustomerLink) and queues its email in the same transaction; returns when the link expires. */
export async function queueCustomerLink(tx: Tx, to: { email: string; organizationId: string }, provider: CustomerLinkProvider, mail: CustomerLinkMail, now = new Date()): Promise<Date> {
  const { url, expires } = await issueCustomerLink(tx, to.email, provider, now);
  await queueEmail(tx, {
    organizationId: to.organizationId,
    to: to.email,
    subject: mail.subject,
    template: mail.template,
    expiresAt: expires,
    body: LinkEmail({ organization: mail.organization, heading: mail.heading, intro: mail.intro, link: url, linkLabel: mail.linkLabel, expiresIn: CUSTOMER_LINK_EXPIRES_IN[provider] }),
  });
  return expires;
}

export type CustomerLink = { provider: CustomerLinkProvider; token: string; email: string; valid: boolean };

/** The confirmation page's reading of a link: only our own customer callback URLs; valid = not used and not expired (the callback checks again). */
export async function readCustomerLink(link: string | undefined, now = new Date()): Promise<CustomerLink | null> {
  if (!link || link.length > 2000) return null;
  try {
    const url = new URL(link);
    const provider = url.pathname.replace("/api/auth/callback/", "") as CustomerLinkProvider;
    if (!(provider in CUSTOMER_LINK_MAX_AGE_S) || url.pathname !== `/api/auth/callback/${provider}`) return null;
    const token = url.searchParams.get("token");
    const email = url.searchParams.get("email");
    if (!token || !email || token.length > 200 || email.length > 320) return null;
    const stored = await db.verificationToken.findUnique({ where: { identifier_token: { identifier: email, token: storedToken(token) } } });
    return { provider, token, email, valid: !!stored && stored.purpose === provider && stored.expires > now };
  } catch {
    return null;
  }
}

/** Auth.js's email providers for the two links; they never send anything themselves (the links are issued above). */
function customerLinkProvider(id: CustomerLinkProvider, name: string): EmailConfig {
  return {
    id,
    type: "email",
    name,
    maxAge: CUSTOMER_LINK_MAX_AGE_S[id],
    normalizeIdentifier: normalizeEmail,
    async sendVerificationRequest() {
      // Asking Auth.js directly for such a link (POST /api/auth/signin/customer-...) gets nothing:
      // the adapter stores no token for a customer through that path, and nothing is sent.
    },
    options: {},
  };
}

export const customerLinkProviders = [customerLinkProvider(CUSTOMER_INVITE_PROVIDER, "Web invitation"), customerLinkProvider(CUSTOMER_RESET_PROVIDER, "Password reset link")];
export const CUSTOMER_LINK_PROVIDERS: readonly string[] = [CUSTOMER_INVITE_PROVIDER, CUSTOMER_RESET_PROVIDER];
