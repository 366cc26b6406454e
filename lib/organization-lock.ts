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
 * Holds a customer's row until the transaction ends (a no-op update): for "one person per email
 * on a customer's team", which two Site Managers adding the same person at once would each pass.
 */
export async function lockCustomer(tx: Tx, customerId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Customer" SET "name" = "name" WHERE "id" = ${customerId}`;
}
