import "server-only";
// A person's credentials when their access to sites ends (My Team's Delete and Privileges, the console's site Contacts).
import type { Tx } from "../db";

/** Credentials of the person that only their access at these sites justified: deactivated (history keeps them). */
export async function deactivateCredentialsAt(tx: Tx, contactId: string, siteIds: string[], now: Date): Promise<number> {
  if (siteIds.length === 0) return 0;
  const sites = await tx.site.findMany({ where: { id: { in: siteIds } }, select: { id: true, credentialGroupId: true } });
  // A credential group's credential stays while the person keeps access at another site of the group.
  const groups = [...new Set(sites.map((s) => s.credentialGroupId).filter((g): g is string => !!g))];
  const keptGroups = groups.length
    ? (
        await tx.siteContact.findMany({
          where: { contactId, enabled: true, siteId: { notIn: siteIds }, site: { credentialGroupId: { in: groups } } },
          select: { site: { select: { credentialGroupId: true } } },
        })
      ).map((m) => m.site.credentialGroupId)
    : [];
  const lostGroups = groups.filter((g) => !keptGroups.includes(g));
  const done = await tx.credential.updateMany({
    where: { contactId, status: "ACTIVE", OR: [{ siteId: { in: siteIds } }, ...(lostGroups.length ? [{ credentialGroupId: { in: lostGroups } }] : [])] },
    data: { status: "DEACTIVATED", deactivatedAt: now },
  });
  return done.count;
}
