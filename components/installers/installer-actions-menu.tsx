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

export function allowedActions(status: InstallerStatusName, permissions: InstallerPermissions): InstallerAction[] {
  return rowActionsFor(status).filter((a) => permissions[PERMISSION_KEY[ACTION_PERMISSION[a] as keyof typeof PERMISSION_KEY]]);
}

/** The three vertical dots menu: the actions of the installer's status that the user may take. */
export function installerMenu(name: string, status: InstallerStatusName, permissions: InstallerPermissions, onAction: (a: InstallerAction) => void): RowMenu | null {
  const actions = allowedActions(status, permissions);
  if (actions.length === 0) return null;
  return { label: `Actions for ${name}`, items: actions.map((a) => ({ label: ACTION_LABEL[a], onSelect: () => onAction(a), danger: a === "remove" })) };
}

export function InstallerActionsMenu(props: { name: string; status: InstallerStatusName; permissions: InstallerPermissions; onAction: (a: InstallerAction) => void }) {
  const menu = installerMenu(props.name, props.status, props.permissions, props.onAction);
  return menu ? <Menu label={menu.label} items={menu.items} /> : null;
}
