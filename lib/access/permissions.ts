// The permission catalog: every permission belongs to one permission group.
// The "Installers" group holds exactly the nine permissions of the Installers page.

export const PERMISSION_GROUPS = [
  {
    name: "Installers",
    permissions: {
      "installers.view": "View installers",
      "installers.add": "Add installers",
      "installers.accept": "Accept installers",
      "installers.remove": "Remove installers",
      "installers.resetPassword": "Reset password for installers",
      "installers.convert": "Convert installers to employees",
      "installers.assignPanels": "Assign panels to installers",
      "installers.unassignPanels": "Unassign panels from installers",
      "installers.viewPanels": "View panels assigned to installers",
    },
  },
  {
    name: "Employees",
    permissions: {
      "employees.view": "View employees",
      "employees.add": "Add employees",
      "employees.edit": "Edit employees",
      "employees.editPrivilege": "Edit privilege of employees",
      "employees.resetPassword": "Reset password for employees",
      "employees.delete": "Delete employees",
      "employees.assignPanels": "Assign and unassign panels of employees",
      "employees.resetMfa": "Reset two-step verification of employees",
    },
  },
  {
    name: "Roles",
    permissions: { "roles.view": "View roles", "roles.manage": "Create, edit and delete roles" },
  },
  {
    name: "Panels",
    permissions: {
      "panels.view": "View panels",
      "panels.manage": "Add, edit and delete panels",
      "panelGroups.manage": "Manage panel groups",
    },
  },
  {
    name: "Customers",
    permissions: { "customers.view": "View customers", "customers.manage": "Add, edit and delete customers" },
  },
  {
    name: "Sites",
    permissions: {
      "sites.view": "View sites",
      "sites.manage": "Add and edit sites",
      "sites.activate": "Activate sites",
      "sites.installerMode": "Request and toggle Installer Mode",
    },
  },
  {
    name: "Credential groups",
    permissions: {
      "credentialGroups.view": "View credential groups",
      "credentialGroups.manage": "Change credential groups of sites that are not activated",
      "credentialGroups.moveActiveSites": "Move active sites between credential groups",
    },
  },
  {
    name: "Logins & contacts",
    permissions: { "logins.view": "View logins and contacts", "logins.manage": "Manage logins and contacts" },
  },
  {
    name: "Personnel & jobs",
    permissions: {
      "personnel.view": "View personnel",
      "personnel.manage": "Add and edit personnel",
      "jobs.view": "View jobs",
      "jobs.manage": "Create, edit and assign jobs",
    },
  },
  {
    name: "Settings",
    permissions: { "settings.view": "View settings", "settings.manage": "Change settings" },
  },
  {
    name: "Audit log",
    permissions: { "audit.view": "View the audit log" },
  },
] as const;

type Group = (typeof PERMISSION_GROUPS)[number];
export type Permission = { [G in Group as G["name"]]: keyof G["permissions"] }[Group["name"]];

export const ALL_PERMISSIONS: Permission[] = PERMISSION_GROUPS.flatMap((g) => Object.keys(g.permissions) as Permission[]);

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as string[]).includes(value);
}

export function permissionLabel(p: Permission): string {
  for (const g of PERMISSION_GROUPS) {
    const labels = g.permissions as Record<string, string>;
    const label = labels[p];
    if (label !== undefined) return label;
  }
  return p;
}

export const BUILT_IN_ROLES = {
  ORGANIZATION_MANAGER: "Organization Manager",
  INSTALLER_MANAGER: "Installer Manager",
  INSTALL_TECHNICIAN: "Install Technician",
  PRIMARY_CONTACT: "Primary Contact",
} as const;
export type BuiltInRole = keyof typeof BUILT_IN_ROLES;

function groupPermissions(...names: Group["name"][]): Permission[] {
  return PERMISSION_GROUPS.filter((g) => (names as string[]).includes(g.name)).flatMap((g) => Object.keys(g.permissions) as Permission[]);
}

/** Default permissions of the built-in roles (foundation issue). */
export const BUILT_IN_ROLE_PERMISSIONS: Record<BuiltInRole, Permission[]> = {
  ORGANIZATION_MANAGER: ALL_PERMISSIONS,
  PRIMARY_CONTACT: ALL_PERMISSIONS,
  INSTALLER_MANAGER: [...groupPermissions("Installers", "Panels", "Sites", "Customers", "Credential groups"), "employees.view"],
  INSTALL_TECHNICIAN: [
    "installers.view",
    "installers.viewPanels",
    "panels.view",
    "sites.view",
    "customers.view",
    "sites.installerMode",
    "credentialGroups.view",
    "credentialGroups.manage",
    "jobs.view",
  ],
};
