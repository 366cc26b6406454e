import "server-only";
// Portal logins are licensed (seed 002: "additional licenses can be purchased"): a login in an
// external usergroup that is not disabled takes one of the organization's licences.
import type { Tx } from "../db";
import { RuleError } from "../actions/result";
import { lockOrganization } from "../organization-lock";

export async function portalLicenceUse(tx: Tx, organizationId: string): Promise<{ used: number; licences: number }> {
  const [org, used] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { portalLicences: true } }),
    // A disabled login frees its licence (the refusal says so).
    tx.user.count({ where: { organizationId, disabledAt: null, usergroup: { kind: "EXTERNAL" } } }),
  ]);
  return { used, licences: org.portalLicences };
}

/**
 * Refuses one more portal login past the licence count. The organization's row is locked first,
 * so that two logins created (or enabled) at once cannot both take the last licence.
 */
export async function assertPortalLicence(tx: Tx, organizationId: string): Promise<void> {
  await lockOrganization(tx, organizationId);
  const { used, licences } = await portalLicenceUse(tx, organizationId);
  if (used >= licences)
    throw new RuleError(`All ${licences} customer-portal licences are in use (${used} portal logins). Disable or delete a portal login, or buy more licences from your account manager.`);
}
