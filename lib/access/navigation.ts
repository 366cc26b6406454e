import { can, type Actor } from "./actor";
import type { Permission } from "./permissions";

export type NavItem = { href: string; label: string; permission: Permission };

/** The console's screens; the side navigation shows only those the actor may open. */
export const CONSOLE_SCREENS: NavItem[] = [
  { href: "/installers", label: "Installers", permission: "installers.view" },
  { href: "/employees", label: "Employees", permission: "employees.view" },
  { href: "/roles", label: "Roles", permission: "roles.view" },
  { href: "/panels", label: "Panels", permission: "panels.view" },
  { href: "/customers", label: "Customers", permission: "customers.view" },
  { href: "/sites", label: "Sites", permission: "sites.view" },
  { href: "/audit", label: "Audit log", permission: "audit.view" },
  { href: "/settings/email", label: "Settings", permission: "settings.view" },
];

export function navigationFor(actor: Actor): NavItem[] {
  return CONSOLE_SCREENS.filter((s) => can(actor, s.permission));
}
