// The Sites grid's columns and Add site's customer choices: a module without zod, so that the grid
// and the form (client components) can name them without loading the schemas.
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

/** How many customers Add site lists at a time: the first by name, or those that match what was typed. */
export const SITE_CUSTOMER_CHOICES = 50;
export type CustomerOption = { id: string; name: string; accountNumber: string };
