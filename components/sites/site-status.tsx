export function SiteStatusBadge({ status }: { status: "ACTIVE" | "NOT_ACTIVATED" }) {
  return <span className={`badge ${status === "ACTIVE" ? "badge-ACCEPTED" : "badge-PENDING"}`}>{status === "ACTIVE" ? "Active" : "Not activated"}</span>;
}

export function InstallerModeBadge({ on }: { on: boolean }) {
  return <span className={`badge ${on ? "badge-ACCEPTED" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"}`}>{on ? "On" : "Off"}</span>;
}
