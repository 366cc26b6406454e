import { badgeHtml } from "@/components/ui/badge";
import { Html } from "@/components/ui/html";
import { STATUS_LABEL, type InstallerStatusName } from "@/lib/installers/rules";

export const statusBadgeHtml = (status: InstallerStatusName) => badgeHtml(`badge-${status}`, STATUS_LABEL[status]);

export function StatusBadge({ status }: { status: InstallerStatusName }) {
  return <Html value={statusBadgeHtml(status)} />;
}
