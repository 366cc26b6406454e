// Everything the Installers page shows, in one call.
import { can, NotFoundError, type Actor } from "../access/actor";
import { assertCan } from "../access/guard";
import { transportInfoFor } from "../email/transport";
import { packRows, type SearchParams } from "../grid";
import { getInstallerDetails, listInstallers, listRolesForConversion, type InstallerRow } from "./queries";

const ROW_FIELDS = ["id", "name", "email", "phone", "panelCount", "status", "createdAt", "lastLoginAt"] as const satisfies readonly (keyof InstallerRow)[];

export async function loadInstallersPage(actor: Actor | null, params: SearchParams) {
  const a = await assertCan(actor, "installers.view");
  const selectedId = typeof params.installer === "string" ? params.installer : null;
  const [grid, details, roles, transport] = await Promise.all([
    listInstallers(a, params),
    selectedId ? getInstallerDetails(a, selectedId).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))) : null,
    can(a, "installers.convert") ? listRolesForConversion(a) : [],
    transportInfoFor(a.organizationId),
  ]);
  return {
    grid: { ...grid, rows: packRows<InstallerRow>(grid.rows, ROW_FIELDS) },
    details,
    roles,
    emailConfigured: transport.kind !== "none",
    permissions: {
      add: can(a, "installers.add"),
      accept: can(a, "installers.accept"),
      remove: can(a, "installers.remove"),
      resetPassword: can(a, "installers.resetPassword"),
      convert: can(a, "installers.convert"),
      assignPanels: can(a, "installers.assignPanels"),
      unassignPanels: can(a, "installers.unassignPanels"),
      viewPanels: can(a, "installers.viewPanels"),
    },
  };
}
export type InstallersPageData = Awaited<ReturnType<typeof loadInstallersPage>>;
export type InstallerPermissions = InstallersPageData["permissions"];
