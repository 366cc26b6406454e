import "server-only";
// The installer app's home: the signed-in installer's own panels, nothing else.
import { db } from "../db";
import { UnauthenticatedError } from "../access/guard";
import type { Actor } from "../access/actor";

export async function getInstallerHome(actor: Actor | null) {
  if (!actor || actor.kind !== "INSTALLER") throw new UnauthenticatedError();
  const installer = await db.installer.findFirst({
    where: { userId: actor.userId, organizationId: actor.organizationId },
    include: { panels: { include: { panel: { include: { panelGroup: { select: { name: true } } } } }, orderBy: { createdAt: "asc" } } },
  });
  if (!installer) throw new UnauthenticatedError();
  return {
    name: installer.name,
    status: installer.status,
    organizationName: actor.organizationName,
    panels: installer.panels.map(({ panel }) => ({ id: panel.id, imei: panel.imei, accountCode: panel.accountCode, group: panel.panelGroup.name, installerAppAccess: panel.installerAppAccess })),
  };
}
