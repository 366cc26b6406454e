// Who may use the customer portal (/app, seed 002): a login in an external usergroup that is
// linked to a customer contact (or, for an agent, to an agent record), and not disabled. Every way
// in checks this (password sign-in, emailed links, every request's session), not only the form.

export type PortalStep = "external-usergroup" | "contact-link" | "enabled";

export type PortalLogin = { kind: string; usergroupKind: string | null; linked: boolean; disabled: boolean };

/** The steps still missing before this login can sign in to the portal; none: it can. */
export function missingPortalSteps(login: PortalLogin): PortalStep[] {
  const missing: PortalStep[] = [];
  if (login.disabled) missing.push("enabled");
  if (login.usergroupKind !== "EXTERNAL") missing.push("external-usergroup");
  if (!login.linked) missing.push("contact-link");
  return missing;
}

export const PORTAL_STEP_TEXT: Record<PortalStep, string> = {
  enabled: "the login is disabled",
  "external-usergroup": "the login must be in an external usergroup",
  "contact-link": "the login must be linked to a customer contact or a site contact",
};

/** The sign-in form's words for a login that is not set up yet (the seed's "a few more steps required"). */
export function portalNotReadyMessage(steps: PortalStep[]): string {
  return `Your login is not set up for the customer portal yet: ${steps.map((s) => PORTAL_STEP_TEXT[s]).join("; ")}. Ask your dealer to finish setting it up.`;
}
