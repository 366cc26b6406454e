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
