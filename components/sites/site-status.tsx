import { Badge } from "@/components/ui/badge";

export function SiteStatusBadge({ status }: { status: "ACTIVE" | "NOT_ACTIVATED" }) {
  return status === "ACTIVE" ? <Badge tone="badge-ACCEPTED" label="Active" /> : <Badge tone="badge-PENDING" label="Not activated" />;
}

export function InstallerModeBadge({ on }: { on: boolean }) {
  return on ? <Badge tone="badge-ACCEPTED" label="On" /> : <Badge tone="bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" label="Off" />;
}
