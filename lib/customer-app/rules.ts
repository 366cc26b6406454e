// The customer web app's words (seed 001): a person's role at a site.
export type SiteRoleName = "SITE_MANAGER" | "SITE_ADMIN" | "SITE_MEMBER";

export const SITE_ROLE_LABEL: Record<SiteRoleName, string> = { SITE_MANAGER: "Site Manager", SITE_ADMIN: "Site Admin", SITE_MEMBER: "Site Member" };
