import { STATUS_LABEL, type InstallerStatusName } from "@/lib/installers/status";

export function StatusBadge({ status }: { status: InstallerStatusName }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}
