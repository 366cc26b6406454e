import { html } from "@/lib/html";
import { STATUS_LABEL, type InstallerStatusName } from "@/lib/installers/status";

export function StatusBadge({ status }: { status: InstallerStatusName }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}

/** The same markup as <StatusBadge>, as HTML for grid cells. */
export const statusBadgeHtml = (status: InstallerStatusName) => html`<span class="badge badge-${status}">${STATUS_LABEL[status]}</span>`;
