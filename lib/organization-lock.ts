import "server-only";
import type { Tx } from "./db";

/**
 * Holds the organization's row until the transaction ends (a no-op update), for a rule about the
 * organization as a whole that a later statement checks: the portal licences, the last
 * Organization Manager. Two such changes at once then run one after the other, and the second
 * sees what the first did (each statement reads what is committed when it starts, on PostgreSQL;
 * SQLite runs one transaction at a time anyway).
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.organization.update({ where: { id: organizationId }, data: { portalLicences: { increment: 0 } }, select: { id: true } });
}

/**
 * Holds a customer's row until the transaction ends (a no-op update), for My Team's rules about
 * the customer's team: one person per email, and each site keeping a Site Manager, which two Site
 * Managers acting at once would each pass. Taken before the organization's row (a new login's
 * licence), never after, so that the two locks cannot deadlock. False when the customer is gone
 * (deleted meanwhile).
 */
export async function lockCustomer(tx: Tx, customerId: string): Promise<boolean> {
  return (await tx.$executeRaw`UPDATE "Customer" SET "name" = "name" WHERE "id" = ${customerId}`) === 1;
}
