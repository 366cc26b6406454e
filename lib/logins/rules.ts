// Logins (seed 002): what the grid says about a login.
import { missingPortalSteps } from "../portal/rules";

export type LoginFacts = {
  kind: string;
  disabled: boolean;
  usergroupKind: string | null;
  contact: { customerName: string; scope: "ALL_SITES" | "SPECIFIC_SITES"; siteCount: number } | null;
  agent: { company: string } | null;
  employee: boolean;
  personnel: string | null;
};

/** The Linked to column: what gives the login its access. */
export function linkedTo(l: LoginFacts): string {
  if (l.contact) return `Contact of ${l.contact.customerName} (${l.contact.scope === "ALL_SITES" ? "All sites" : `Specific sites: ${l.contact.siteCount}`})`;
  if (l.agent) return `Agent, ${l.agent.company}`;
  if (l.personnel) return `Personnel: ${l.personnel}`;
  if (l.employee) return "Employee";
  return "—";
}

export type LoginStatus = "Active" | "Disabled" | "Not set up";

/** Disabled; an external login that cannot reach the portal yet is Not set up; else Active. */
export function loginStatus(l: LoginFacts): LoginStatus {
  if (l.disabled) return "Disabled";
  if (l.usergroupKind === "EXTERNAL" && missingPortalSteps({ kind: l.kind, usergroupKind: l.usergroupKind, linked: !!(l.contact || l.agent), disabled: false }).length) return "Not set up";
  return "Active";
}
