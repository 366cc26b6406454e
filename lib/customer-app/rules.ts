// The customer web app's words (seed 001): a person's role at a site.
export type SiteRoleName = "SITE_MANAGER" | "SITE_ADMIN" | "SITE_MEMBER";

export const SITE_ROLE_LABEL: Record<SiteRoleName, string> = { SITE_MANAGER: "Site Manager", SITE_ADMIN: "Site Admin", SITE_MEMBER: "Site Member" };

/** How long the customer's Installer Mode lasts (seed 001's choices); null: until they turn it off. */
export const INSTALLER_MODE_DURATIONS = {
  "2h": { label: "2 hours", ms: 2 * 60 * 60 * 1000 },
  "8h": { label: "8 hours", ms: 8 * 60 * 60 * 1000 },
  "24h": { label: "24 hours", ms: 24 * 60 * 60 * 1000 },
  "until-off": { label: "Until I turn it off", ms: null },
} as const;
export type InstallerModeDuration = keyof typeof INSTALLER_MODE_DURATIONS;

/** When Installer Mode turned on now for this long ends (null: never by itself). */
export function installerModeEnd(duration: InstallerModeDuration, now: Date): Date | null {
  const ms = INSTALLER_MODE_DURATIONS[duration].ms;
  return ms === null ? null : new Date(now.getTime() + ms);
}

export const CREDENTIAL_TYPE_LABEL = { MOBILE: "Mobile credential", KEY_TAG: "Key tag", CARD: "Card", WEARABLE: "Wearable", USER_CODE: "User code" } as const;

/** A mobile invitation's activation link, and a web invitation's link, stay valid this long (seed 001). */
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;
/** The texted activation code: a new one after 60 seconds, at most 3 in 15 minutes (5 tries each, lib/auth/codes.ts). */
export const SMS_RESEND_AFTER_MS = 60 * 1000;
export const SMS_SENDS = { windowMs: 15 * 60 * 1000, max: 3 };
/**
 * What a customer's actions send goes out in the dealer's name, to addresses the customer typed:
 * at most 20 messages (invitations, texted user codes, Installer Mode notices) per person signed
 * in, and 3 invitations to one email address, in 15 minutes, as for codes and links.
 */
export const CUSTOMER_MESSAGES = { windowMs: 15 * 60 * 1000, max: 20 };
export const INVITATIONS_PER_ADDRESS = { windowMs: 15 * 60 * 1000, max: 3 };

export type InvitationKindName = "MOBILE" | "WEB";
export type InvitationStateLabel = "Invited (mobile)" | "Invited (web)" | "Expired" | "Active" | "Not invited";
type InvitationFacts = { kind: InvitationKindName; sentAt: Date; expiresAt: Date; acceptedAt: Date | null };

/**
 * A person's invitation state on their My Team card. The newest invitation decides while it is
 * open (a Site Manager re-invites an active person who got a new phone: "Invited (mobile)");
 * otherwise someone who ever accepted one, or has a password, is Active; one who only let
 * invitations run out is Expired.
 */
export function invitationState(invitations: InvitationFacts[], hasPassword: boolean, now: Date): { label: InvitationStateLabel; expiresAt: Date | null } {
  const newest = [...invitations].sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())[0];
  if (newest && !newest.acceptedAt && newest.expiresAt > now) return { label: newest.kind === "MOBILE" ? "Invited (mobile)" : "Invited (web)", expiresAt: newest.expiresAt };
  if (hasPassword || invitations.some((i) => i.acceptedAt)) return { label: "Active", expiresAt: null };
  if (newest) return { label: "Expired", expiresAt: newest.expiresAt };
  return { label: "Not invited", expiresAt: null };
}

/** `Use a web browser` is offered once the person has received a mobile invitation (the first is always mobile). */
export function webInvitationAllowed(invitations: { kind: InvitationKindName }[]): boolean {
  return invitations.some((i) => i.kind === "MOBILE");
}

/**
 * What a person's login reaches, or would reach once they are invited: the sites where they have a
 * role (access on or off), those whose key account holder they are, and with All sites portal
 * access (seed 002) every site of their customer.
 */
export type PersonReach = { roleSiteIds: readonly string[]; keyAccountSiteIds: readonly string[]; allSitesOfCustomer: readonly string[] | null };

/**
 * Whether a Site Manager may change a person's email (their username) and mobile phone, where
 * invitations, sign-in links and codes go: whoever holds those holds the login, so a manager may
 * change them only for someone whose login reaches no site beyond the ones they manage (and their
 * own). A person's name they may always change.
 */
export function maySetSignInDetails(reach: PersonReach, managedSiteIds: ReadonlySet<string>): boolean {
  return [...reach.roleSiteIds, ...reach.keyAccountSiteIds, ...(reach.allSitesOfCustomer ?? [])].every((id) => managedSiteIds.has(id));
}

/** Why Edit keeps a person's email and mobile phone (shown in the form, and the refusal's text). */
export function signInDetailsLockedReason(name: string): string {
  return `${name} also has access at sites you do not manage, so their email and mobile phone can be changed only by a Site Manager of all their sites, or by your security dealer.`;
}

/** The card's first and last name fields, from the one stored name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim();
  const at = trimmed.indexOf(" ");
  return at < 0 ? { firstName: trimmed, lastName: "" } : { firstName: trimmed.slice(0, at), lastName: trimmed.slice(at + 1).trim() };
}

export type SiteRoleChoice = SiteRoleName | "NONE";

/** A generated user code: 6 digits for the panel's keypad. */
export const USER_CODE_LENGTH = 6;
