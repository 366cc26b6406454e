import { can, type Actor } from "./actor";
import type { Permission } from "./permissions";

/** permission null: every employee (My jobs shows their own, through their personnel record). */
export type NavItem = { href: string; label: string; permission: Permission | null };

/** The console's screens; the side navigation shows only those the actor may open. */
export const CONSOLE_SCREENS: NavItem[] = [
  { href: "/installers", label: "Installers", permission: "installers.view" },
  { href: "/employees", label: "Employees", permission: "employees.view" },
  { href: "/roles", label: "Roles", permission: "roles.view" },
  { href: "/panels", label: "Panels", permission: "panels.view" },
  { href: "/customers", label: "Customers", permission: "customers.view" },
  { href: "/sites", label: "Sites", permission: "sites.view" },
  { href: "/logins", label: "Logins", permission: "logins.view" },
  { href: "/personnel", label: "Personnel", permission: "personnel.view" },
  { href: "/jobs", label: "Jobs", permission: "jobs.view" },
  { href: "/my-jobs", label: "My jobs", permission: null },
  { href: "/audit", label: "Audit log", permission: "audit.view" },
  { href: "/settings/email", label: "Settings", permission: "settings.view" },
];

export function navigationFor(actor: Actor): NavItem[] {
  return CONSOLE_SCREENS.filter((s) => (s.permission ? can(actor, s.permission) : !actor.mfaSetupRequired));
}
