// The Sites grid's columns: a module without zod, so that the grid (a client component) can name
// them without loading the schemas.
export const SITE_COLUMNS = ["name", "customer", "address", "status", "installerMode", "credentialGroup", "panels"] as const;
export type SiteColumn = (typeof SITE_COLUMNS)[number];
export const SITE_COLUMN_LABEL: Record<SiteColumn, string> = {
  name: "Name",
  customer: "Customer",
  address: "Address",
  status: "Status",
  installerMode: "Installer Mode",
  credentialGroup: "Credential Group",
  panels: "Panels",
};
export const DEFAULT_SITE_COLUMNS: SiteColumn[] = ["name", "customer", "address", "status", "installerMode", "panels"];
