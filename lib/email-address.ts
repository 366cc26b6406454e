/** Emails are compared and stored normalized: NFKC, trimmed, lower-case. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}
