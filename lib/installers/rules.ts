// The installer status table: which action each status offers, and the transitions.
import type { Permission } from "../access/permissions";

export const InstallerStatus = { PENDING: "PENDING", ACCEPTED: "ACCEPTED", REJECTED: "REJECTED" } as const;
export type InstallerStatusName = keyof typeof InstallerStatus;

export const STATUS_LABEL: Record<InstallerStatusName, string> = { ACCEPTED: "Accepted", REJECTED: "Rejected", PENDING: "Pending" };

export type InstallerAction = "accept" | "reject" | "convert" | "resetPassword" | "remove";

export const ACTION_LABEL: Record<InstallerAction, string> = {
  accept: "Accept",
  reject: "Reject",
  convert: "Convert to employee",
  resetPassword: "Reset password",
  remove: "Remove",
};

export const ACTION_PERMISSION: Record<InstallerAction, Permission> = {
  accept: "installers.accept",
  reject: "installers.accept",
  convert: "installers.convert",
  resetPassword: "installers.resetPassword",
  remove: "installers.remove",
};

/** The row actions menu for a status, in the Installers page's order. */
export function rowActionsFor(status: InstallerStatusName): InstallerAction[] {
  return status === "ACCEPTED" ? ["reject", "convert", "resetPassword", "remove"] : ["accept", "convert", "resetPassword", "remove"];
}

/** Accept applies to Pending and Rejected installers; Reject to Accepted ones. */
export function canTransition(from: InstallerStatusName, action: "accept" | "reject"): boolean {
  return action === "accept" ? from === "PENDING" || from === "REJECTED" : from === "ACCEPTED";
}

export const ACCEPTABLE: InstallerStatusName[] = ["PENDING", "REJECTED"];
export const REJECTABLE: InstallerStatusName[] = ["ACCEPTED"];

/** Bulk buttons for a selection: the union of what the selected statuses allow. */
export function bulkActionsFor(statuses: Iterable<InstallerStatusName>): Array<"accept" | "reject" | "remove"> {
  const set = new Set(statuses);
  if (set.size === 0) return [];
  const out: Array<"accept" | "reject" | "remove"> = [];
  if (set.has("PENDING") || set.has("REJECTED")) out.push("accept");
  if (set.has("ACCEPTED")) out.push("reject");
  out.push("remove");
  return out;
}

/** "2 accepted, 1 skipped: already accepted" */
export function bulkSummary(verb: string, applied: number, skipped: Array<{ reason: string; count: number }>): string {
  const parts = [`${applied} ${verb}`];
  const total = skipped.reduce((n, s) => n + s.count, 0);
  if (total)
    parts.push(
      `${total} skipped: ${skipped
        .filter((s) => s.count)
        .map((s) => (skipped.length > 1 ? `${s.count} ${s.reason}` : s.reason))
        .join(", ")}`,
    );
  return parts.join(", ");
}
