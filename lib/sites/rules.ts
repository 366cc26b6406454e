// The rules for sites and credential groups, as pure functions so that each is
// stated once and unit-tested. Data access (lib/sites/ and lib/credential-groups/) applies them.
import { can, type Actor } from "../access/actor";

export type SiteState = { status: "NOT_ACTIVATED" | "ACTIVE"; installerMode: boolean; installerModeUntil?: Date | null; credentialGroupId: string | null };

/** Installer Mode as it is now: switched on by the customer and its end time, if any, not reached. */
export function installerModeOn(site: { installerMode: boolean; installerModeUntil?: Date | null }, now = new Date()): boolean {
  return site.installerMode && (!site.installerModeUntil || site.installerModeUntil.getTime() > now.getTime());
}

/** The same condition for a query: sites whose Installer Mode is on now. */
export function installerModeOnWhere(now = new Date()) {
  return { installerMode: true, OR: [{ installerModeUntil: null }, { installerModeUntil: { gt: now } }] };
}

/** Request Installer Mode emails the customer's Site Managers: at most 3 times a site in 15 minutes. */
export const INSTALLER_MODE_REQUESTS = { windowMs: 15 * 60 * 1000, max: 3 };

export const INSTALLER_MODE_REQUIRED = "This site is active and the customer has not turned Installer Mode on. The customer's Site Manager must turn Installer Mode on before the site can be changed.";
export const TECHNICIAN_ACTIVE_SITE = "An Installer Technician does not have the privilege to do this on active sites. An Installer Manager or Organization Manager can do this.";
export const GROUP_NEEDS_INSTALLER_MODE = "At least one site in the credential group must be in Installer Mode for changes to be made to the credential group.";

/** An active site is read-only in the console unless the customer turned Installer Mode on. */
export function siteCanBeChanged(site: Pick<SiteState, "status" | "installerMode" | "installerModeUntil">): boolean {
  return site.status === "NOT_ACTIVATED" || installerModeOn(site);
}

/**
 * A credential group can be changed while at least one of its sites is in Installer Mode.
 * A site not yet activated is the dealer's to configure, so it counts as changeable too
 * (otherwise a group of new sites could never be completed).
 */
export function groupCanBeChanged(sites: Array<Pick<SiteState, "installerMode" | "installerModeUntil" | "status">>): boolean {
  return sites.some(siteCanBeChanged);
}

export type CredentialMenuItem = "addToNewGroup" | "addToExistingGroup" | "moveToExistingGroup" | "removeFromGroup" | "regenerate";

export const CREDENTIAL_MENU_LABEL: Record<CredentialMenuItem, string> = {
  addToNewGroup: "Add to New Group",
  addToExistingGroup: "Add to Existing Group",
  moveToExistingGroup: "Move to Existing Group",
  removeFromGroup: "Remove from Group",
  regenerate: "Regenerate credentials",
};

/** The Credentials drop-down of a site depends on its state. */
export function credentialMenuFor(site: Pick<SiteState, "credentialGroupId">): CredentialMenuItem[] {
  return site.credentialGroupId ? ["moveToExistingGroup", "removeFromGroup"] : ["addToNewGroup", "addToExistingGroup", "regenerate"];
}

/**
 * Who may do a credential-group change on a site. Moving and removing always need "move active
 * sites between credential groups"; adding an active site to a group needs it too
 * (an Install Technician may only add sites that are not yet activated).
 */
export function credentialChangeRefusal(actor: Actor, action: CredentialMenuItem, site: SiteState): string | null {
  if (!can(actor, "credentialGroups.manage") && !can(actor, "credentialGroups.moveActiveSites")) return "You do not have permission to change credential groups.";
  const needsMove = action === "moveToExistingGroup" || action === "removeFromGroup" || (site.status === "ACTIVE" && action !== "regenerate");
  if (needsMove && !can(actor, "credentialGroups.moveActiveSites")) return TECHNICIAN_ACTIVE_SITE;
  if (!siteCanBeChanged(site)) return INSTALLER_MODE_REQUIRED;
  return null;
}

export const WARNINGS: Record<CredentialMenuItem, string> = {
  addToNewGroup: "Adding this site to a credential group removes all of the site's own credentials; the site then uses the group's credentials.",
  addToExistingGroup: "Adding this site to a credential group removes all of the site's own credentials; the site then uses the group's credentials.",
  moveToExistingGroup: "Moving this site to another credential group replaces the credentials used at this site with the new group's credentials.",
  removeFromGroup: "Removing a site from its current credential group will deactivate all site credentials. The site will then become a standalone site that can regenerate its own credentials.",
  regenerate: "New credentials are issued to everyone with access to this site; their current site credentials are deactivated.",
};
