import "server-only";
// "Email me a sign-in link" for installers: Auth.js's email provider, with the message going
// through our outbox and a minimal adapter over our own tables. The link in the email opens a
// confirmation page; only its button signs in, so mail scanners that open links cannot burn it.
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { EmailConfig } from "next-auth/providers/email";
import { db } from "../db";
import { appUrl } from "../config";
import { normalizeEmail } from "../email-address";
import { recordAudit } from "../audit/mutations";
import { kickDelivery, queueEmail } from "../email/outbox";
import { LinkEmail } from "../email/templates";
import { afterResponse } from "../after-response";
import { allowCodeRequest } from "./rate-limit";
import { requestIp } from "./session";

export const SIGN_IN_LINK_PROVIDER = "installer-link";
export const SIGN_IN_LINK_MAX_AGE_S = 15 * 60;

function adapterUser(u: { id: string; email: string }): AdapterUser {
  return { id: u.id, email: u.email, emailVerified: null };
}

async function installerUser(email: string) {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, include: { installer: { select: { status: true } } } });
  return user && user.kind === "INSTALLER" && user.installer ? user : null;
}

/** Who an emailed link may sign in: an installer (sign-in link) or a customer (web invitation, password reset; lib/auth/customer-links.ts). */
async function linkUser(where: { email: string } | { id: string }) {
  const user = await db.user.findUnique({ where: "email" in where ? { email: normalizeEmail(where.email) } : where });
  return user && (user.kind === "INSTALLER" || user.kind === "CUSTOMER") ? user : null;
}

/** Whether a link may be sent to this address: a registered installer who is not rejected. */
async function linkRecipient(identifier: string) {
  const user = await installerUser(identifier);
  return user && user.installer?.status !== "REJECTED" ? user : null;
}

/**
 * Only what the email provider needs; users are never created through it. Auth.js asks for a
 * token for every address typed in: only a registered installer's is stored (one per address, a
 * new link replacing the earlier one), so requests for unknown addresses create no rows. The
 * writes happen after the response, like the email, so that both cases take the same time.
 */
export const signInLinkAdapter: Adapter = {
  async createVerificationToken(token) {
    await afterResponse(async () => {
      if (!(await linkRecipient(token.identifier))) return;
      await db.$transaction([
        db.verificationToken.deleteMany({ where: { identifier: token.identifier, purpose: "installer-sign-in" } }),
        db.verificationToken.create({ data: { ...token, purpose: "installer-sign-in" } }),
      ]);
    });
    return token;
  },
  async useVerificationToken({ identifier, token }) {
    const found = await db.verificationToken.findUnique({ where: { identifier_token: { identifier, token } } });
    if (!found) return null;
    // Conditional delete: of two clicks at once, only one gets the token.
    const deleted = await db.verificationToken.deleteMany({ where: { identifier, token } });
    return deleted.count === 1 ? found : null;
  },
  // Which kind may follow which link is decided in auth.ts's signIn callback.
  async getUserByEmail(email) {
    const user = await linkUser({ email });
    return user ? adapterUser(user) : null;
  },
  async getUser(id) {
    const user = await linkUser({ id });
    return user ? adapterUser(user) : null;
  },
  async createUser() {
    throw new Error("Emailed links are only for existing installers and customers.");
  },
  async updateUser(user) {
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id! } });
    return adapterUser(found);
  },
};

/** The link in the email points at the confirmation page, carrying Auth.js's callback URL. */
export function confirmationUrl(callbackUrl: string): string {
  return `${appUrl()}/installer/login/confirm?${new URLSearchParams({ link: callbackUrl })}`;
}

/** Accepts only our own callback URL for this provider; anything else is refused. */
export function parseSignInLink(link: string | undefined): { token: string; email: string; callbackUrl: string } | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    if (url.pathname !== `/api/auth/callback/${SIGN_IN_LINK_PROVIDER}`) return null;
    const token = url.searchParams.get("token");
    const email = url.searchParams.get("email");
    if (!token || !email || token.length > 200) return null;
    const next = url.searchParams.get("callbackUrl") ?? "/installer";
    const path = next.startsWith("/") && !next.startsWith("//") ? next : new URL(next).pathname;
    return { token, email, callbackUrl: path.startsWith("/installer") ? path : "/installer" };
  } catch {
    return null;
  }
}

export const signInLinkProvider: EmailConfig = {
  id: SIGN_IN_LINK_PROVIDER,
  type: "email",
  name: "Email link",
  maxAge: SIGN_IN_LINK_MAX_AGE_S,
  normalizeIdentifier: normalizeEmail,
  async sendVerificationRequest({ identifier, url, expires }) {
    const ip = await requestIp();
    // Unknown or rejected addresses get nothing, and the page says the same to everyone, in the same time.
    await afterResponse(async () => {
      const allowance = await allowCodeRequest(identifier, ip);
      if (!allowance.allowed) {
        if (allowance.firstRefusal) await recordAudit({ actorEmail: identifier, action: "auth.sign_in_link.request", outcome: "DENIED", detail: "too many link requests", ip });
        return;
      }
      const user = await installerUser(identifier);
      if (!user || user.installer?.status === "REJECTED") {
        await recordAudit({ actorEmail: identifier, action: "auth.sign_in_link.request", outcome: "FAILURE", detail: user ? "installer is rejected" : "no such installer", ip });
        return;
      }
      const organization = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
      await db.$transaction(async (tx) => {
        await queueEmail(tx, {
          organizationId: user.organizationId,
          to: user.email,
          subject: "Your sign-in link for the installer application",
          template: "installer-sign-in-link",
          expiresAt: expires,
          body: LinkEmail({
            organization: organization.name,
            heading: "Sign in to the installer application",
            intro: "Select the button, then confirm to sign in. If you did not ask for this link, ignore this email.",
            link: confirmationUrl(url),
            linkLabel: "Sign in",
            expiresIn: "15 minutes",
          }),
        });
        await recordAudit({ organizationId: user.organizationId, actorEmail: user.email, action: "auth.sign_in_link.request", target: { type: "User", id: user.id, label: user.email }, ip }, tx);
      });
      await kickDelivery();
    });
  },
  options: {},
};
