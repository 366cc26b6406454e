import "server-only";
// Emails are unique across organizations, so a new account's email may belong to another
// organization's account. That must not be told: it gets the one neutral message for an unusable
// email. Within the admin's own organization the helpful message is kept (the admin sees those rows).
import { db } from "../db";
import { RuleError } from "../actions/result";
import { takenMeanwhile } from "../db-values";

export const UNUSABLE_EMAIL = "This email address cannot be used. Use another email address.";

export function unusableEmail(): RuleError {
  return new RuleError(UNUSABLE_EMAIL, { email: UNUSABLE_EMAIL });
}

/** Throws `inThisOrganization` when the email is an account of the organization, the neutral refusal when it is another's. */
export async function assertEmailUnused(organizationId: string, email: string, inThisOrganization: RuleError): Promise<void> {
  const existing = await db.user.findUnique({ where: { email }, select: { organizationId: true } });
  if (!existing) return;
  throw existing.organizationId === organizationId ? inThisOrganization : unusableEmail();
}

/**
 * For a change that writes an account's email after assertEmailUnused: the email taken by another
 * account meanwhile fails the unique index. Whose it is cannot be told, so it is the neutral refusal.
 */
export function emailTakenMeanwhile(e: unknown): never {
  return takenMeanwhile(unusableEmail())(e);
}
