"use client";
import type { RowMenu } from "@/components/ui/data-grid";
import { Menu } from "@/components/ui/menu";
import type { InstallerPermissions } from "@/lib/installers/queries";
import { ACTION_LABEL, ACTION_PERMISSION, rowActionsFor, type InstallerAction, type InstallerStatusName } from "@/lib/installers/rules";

const PERMISSION_KEY = {
  "installers.accept": "accept",
  "installers.convert": "convert",
  "installers.resetPassword": "resetPassword",
  "installers.remove": "remove",
} as const;

// A 200-row page asks for every row's menu (its label goes in the row's markup): the actions of a
// status are worked out once per page's permissions, and the items only when a menu opens.
const allowedByPermissions = new WeakMap<InstallerPermissions, Map<InstallerStatusName, readonly InstallerAction[]>>();

export function allowedActions(status: InstallerStatusName, permissions: InstallerPermissions): readonly InstallerAction[] {
  let byStatus = allowedByPermissions.get(permissions);
  if (!byStatus) allowedByPermissions.set(permissions, (byStatus = new Map()));
  let actions = byStatus.get(status);
  if (!actions) byStatus.set(status, (actions = rowActionsFor(status).filter((a) => permissions[PERMISSION_KEY[ACTION_PERMISSION[a] as keyof typeof PERMISSION_KEY]])));
  return actions;
}

/** The three vertical dots menu: the actions of the installer's status that the user may take. */
export function installerMenu(name: string, status: InstallerStatusName, permissions: InstallerPermissions, onAction: (a: InstallerAction) => void): RowMenu | null {
  const actions = allowedActions(status, permissions);
  if (actions.length === 0) return null;
  return {
    label: `Actions for ${name}`,
    get items() {
      return actions.map((a) => ({ label: ACTION_LABEL[a], onSelect: () => onAction(a), danger: a === "remove" }));
    },
  };
}

export function InstallerActionsMenu(props: { name: string; status: InstallerStatusName; permissions: InstallerPermissions; onAction: (a: InstallerAction) => void }) {
  const menu = installerMenu(props.name, props.status, props.permissions, props.onAction);
  return menu ? <Menu label={menu.label} items={menu.items} /> : null;
}
