import "server-only";
// Credential groups. A site is in at most one group; a group's people use one
// credential at every site of the group. Every change is one transaction, is conditional on
// the group's version (two admins at once end consistent), bumps the configuration version of
// the sites it touches, and writes an audit event.
import { db, type Tx } from "../db";
import { takenMeanwhile } from "../db-values";
import { lockCustomer } from "../organization-lock";
import { assertCan } from "../access/guard";
import { NotFoundError, type Actor } from "../access/actor";
import { recordAudit } from "../audit/mutations";
import { RuleError } from "../actions/result";
import { credentialChangeRefusal, GROUP_NEEDS_INSTALLER_MODE, groupCanBeChanged, type CredentialMenuItem } from "../sites/rules";

type LoadedSite = Awaited<ReturnType<typeof loadSite>>;

async function loadSite(tx: Tx, a: Actor, siteId: string) {
  const found = await tx.site.findFirst({ where: { id: siteId, organizationId: a.organizationId }, select: { customerId: true } });
  if (!found) throw new NotFoundError("The site");
  // Who has access at the site decides who gets credentials: read under the customer's row, where
  // My Team's Privileges and Delete and the console's Remove write it.
  await lockCustomer(tx, found.customerId);
  const site = await tx.site.findFirst({ where: { id: siteId, organizationId: a.organizationId }, include: { contacts: { where: { enabled: true }, select: { contactId: true } } } });
  if (!site) throw new NotFoundError("The site");
  return site;
}

function refuseUnless(a: Actor, action: CredentialMenuItem, site: LoadedSite) {
  const refusal = credentialChangeRefusal(a, action, site);
  if (refusal) throw new RuleError(refusal);
}

async function loadGroup(tx: Tx, a: Actor, groupId: string) {
  const group = await tx.credentialGroup.findFirst({
    where: { id: groupId, organizationId: a.organizationId },
    include: { sites: { select: { id: true, installerMode: true, installerModeUntil: true, status: true } } },
  });
  if (!group) throw new RuleError("Select a credential group from the list.", { groupId: "Select a credential group from the list." });
  return group;
}

/** Claims the group for this change; fails if another change to it committed meanwhile. */
async function claimGroup(tx: Tx, group: { id: string; version: number }) {
  const claimed = await tx.credentialGroup.updateMany({ where: { id: group.id, version: group.version }, data: { version: { increment: 1 } } });
  if (claimed.count !== 1) throw new RuleError("Someone else changed this credential group just now. Reload and try again.");
}

async function bumpConfig(tx: Tx, siteIds: string[]) {
  await tx.site.updateMany({ where: { id: { in: [...new Set(siteIds)] } }, data: { configVersion: { increment: 1 } } });
}

/** Deactivates the site's own credentials (adding an activated site to a group removes them). */
async function deactivateSiteCredentials(tx: Tx, siteId: string) {
  return tx.credential.updateMany({ where: { siteId, status: "ACTIVE" }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });
}

/** The site's people get the group's credential (one per person, used at every site of the group). */
async function grantGroupCredentials(tx: Tx, a: Actor, site: LoadedSite, groupId: string) {
  for (const { contactId } of site.contacts) {
    const has = await tx.credential.findFirst({ where: { contactId, credentialGroupId: groupId, status: "ACTIVE" } });
    if (has) continue;
    const last = await tx.credential.findFirst({ where: { contactId, siteId: site.id }, orderBy: { issuedAt: "desc" } });
    await tx.credential.create({ data: { organizationId: a.organizationId, contactId, type: last?.type ?? "MOBILE", credentialGroupId: groupId } });
  }
}

function groupNameTaken() {
  return new RuleError("A credential group with this name already exists.", { name: "A credential group with this name already exists." });
}

export async function addSiteToNewGroup(actor: Actor | null, siteId: string, name: string) {
  const a = await assertCan(actor, "credentialGroups.view");
  return db
    .$transaction(async (tx) => {
      const site = await loadSite(tx, a, siteId);
      if (site.credentialGroupId) throw new RuleError("This site is already in a credential group. Use Move to Existing Group.");
      refuseUnless(a, "addToNewGroup", site);
      if (await tx.credentialGroup.findFirst({ where: { organizationId: a.organizationId, name } })) throw groupNameTaken();
      const group = await tx.credentialGroup.create({ data: { organizationId: a.organizationId, name } });
      const updated = await tx.site.updateMany({ where: { id: site.id, credentialGroupId: null }, data: { credentialGroupId: group.id } });
      if (updated.count !== 1) throw new RuleError("Someone else changed this site just now. Reload and try again.");
      const removed = await deactivateSiteCredentials(tx, site.id);
      await grantGroupCredentials(tx, a, site, group.id);
      await bumpConfig(tx, [site.id]);
      await recordAudit(
        { actor: a, action: "credential_groups.add_to_new", target: { type: "Site", id: site.id, label: site.name }, detail: `group ${name}; ${removed.count} site credential(s) removed` },
        tx,
      );
      return { groupId: group.id, message: `${site.name} is in the new credential group ${name}.` };
    })
    .catch(takenMeanwhile(groupNameTaken()));
}

export async function addSiteToExistingGroup(actor: Actor | null, siteId: string, groupId: string) {
  const a = await assertCan(actor, "credentialGroups.view");
  return db.$transaction(async (tx) => {
    const site = await loadSite(tx, a, siteId);
    if (site.credentialGroupId) throw new RuleError("This site is already in a credential group. Use Move to Existing Group.");
    refuseUnless(a, "addToExistingGroup", site);
    const group = await loadGroup(tx, a, groupId);
    if (!groupCanBeChanged(group.sites)) throw new RuleError(GROUP_NEEDS_INSTALLER_MODE);
    await claimGroup(tx, group);
    const updated = await tx.site.updateMany({ where: { id: site.id, credentialGroupId: null }, data: { credentialGroupId: group.id } });
    if (updated.count !== 1) throw new RuleError("Someone else changed this site just now. Reload and try again.");
    const removed = await deactivateSiteCredentials(tx, site.id);
    await grantGroupCredentials(tx, a, site, group.id);
    await bumpConfig(tx, [site.id, ...group.sites.map((s) => s.id)]);
    await recordAudit(
      { actor: a, action: "credential_groups.add_to_existing", target: { type: "Site", id: site.id, label: site.name }, detail: `group ${group.name}; ${removed.count} site credential(s) removed` },
      tx,
    );
    return { message: `${site.name} is in the credential group ${group.name}.` };
  });
}

export async function moveSiteToGroup(actor: Actor | null, siteId: string, groupId: string) {
  const a = await assertCan(actor, "credentialGroups.view");
  return db.$transaction(async (tx) => {
    const site = await loadSite(tx, a, siteId);
    if (!site.credentialGroupId) throw new RuleError("This site is not in a credential group. Use Add to Existing Group.");
    if (site.credentialGroupId === groupId) throw new RuleError("The site is already in this credential group.", { groupId: "The site is already in this credential group." });
    refuseUnless(a, "moveToExistingGroup", site);
    const source = await loadGroup(tx, a, site.credentialGroupId);
    const target = await loadGroup(tx, a, groupId);
    if (!groupCanBeChanged(source.sites) || !groupCanBeChanged(target.sites)) throw new RuleError(GROUP_NEEDS_INSTALLER_MODE);
    await claimGroup(tx, source);
    await claimGroup(tx, target);
    await tx.site.update({ where: { id: site.id }, data: { credentialGroupId: target.id } });
    await grantGroupCredentials(tx, a, site, target.id);
    await bumpConfig(tx, [...source.sites.map((s) => s.id), ...target.sites.map((s) => s.id)]);
    await recordAudit({ actor: a, action: "credential_groups.move", target: { type: "Site", id: site.id, label: site.name }, detail: `${source.name} → ${target.name}` }, tx);
    return { message: `${site.name} moved from ${source.name} to ${target.name}.` };
  });
}

export async function removeSiteFromGroup(actor: Actor | null, siteId: string) {
  const a = await assertCan(actor, "credentialGroups.view");
  return db.$transaction(async (tx) => {
    const site = await loadSite(tx, a, siteId);
    if (!site.credentialGroupId) throw new RuleError("This site is not in a credential group.");
    refuseUnless(a, "removeFromGroup", site);
    const group = await loadGroup(tx, a, site.credentialGroupId);
    if (!groupCanBeChanged(group.sites)) throw new RuleError(GROUP_NEEDS_INSTALLER_MODE);
    await claimGroup(tx, group);
    await tx.site.update({ where: { id: site.id }, data: { credentialGroupId: null } });
    // Every credential that was valid at this site is now deactivated for it (kept as a record).
    const now = new Date();
    const valid = await tx.credential.findMany({ where: { credentialGroupId: group.id, status: "ACTIVE", contactId: { in: site.contacts.map((c) => c.contactId) } } });
    await tx.credential.createMany({
      data: valid.map((c) => ({ organizationId: a.organizationId, contactId: c.contactId, type: c.type, siteId: site.id, status: "DEACTIVATED" as const, deactivatedAt: now })),
    });
    await deactivateSiteCredentials(tx, site.id);
    await bumpConfig(
      tx,
      group.sites.map((s) => s.id),
    );
    await recordAudit(
      {
        actor: a,
        action: "credential_groups.remove_site",
        target: { type: "Site", id: site.id, label: site.name },
        detail: `from ${group.name}; ${valid.length} credential(s) deactivated at the site`,
      },
      tx,
    );
    return { message: `${site.name} is now a standalone site. Its credentials are deactivated; use Regenerate credentials to issue new ones.` };
  });
}

export async function regenerateSiteCredentials(actor: Actor | null, siteId: string) {
  const a = await assertCan(actor, "credentialGroups.view");
  return db.$transaction(async (tx) => {
    const site = await loadSite(tx, a, siteId);
    if (site.credentialGroupId) throw new RuleError("A site in a credential group uses the group's credentials. Remove it from the group first.");
    refuseUnless(a, "regenerate", site);
    const last = await tx.credential.findMany({ where: { siteId: site.id }, orderBy: { issuedAt: "desc" } });
    await deactivateSiteCredentials(tx, site.id);
    await tx.credential.createMany({
      data: site.contacts.map(({ contactId }) => ({ organizationId: a.organizationId, contactId, siteId: site.id, type: last.find((c) => c.contactId === contactId)?.type ?? "MOBILE" })),
    });
    await bumpConfig(tx, [site.id]);
    await recordAudit({ actor: a, action: "credential_groups.regenerate", target: { type: "Site", id: site.id, label: site.name }, detail: `${site.contacts.length} credential(s) issued` }, tx);
    return { message: `New credentials were issued to ${site.contacts.length} ${site.contacts.length === 1 ? "person" : "people"} at ${site.name}.` };
  });
}

export async function renameCredentialGroup(actor: Actor | null, groupId: string, name: string) {
  const a = await assertCan(actor, "credentialGroups.manage");
  return db
    .$transaction(async (tx) => {
      const group = await tx.credentialGroup.findFirst({
        where: { id: groupId, organizationId: a.organizationId },
        include: { sites: { select: { id: true, installerMode: true, installerModeUntil: true, status: true } } },
      });
      if (!group) throw new NotFoundError("The credential group");
      if (!groupCanBeChanged(group.sites)) throw new RuleError(GROUP_NEEDS_INSTALLER_MODE);
      if (await tx.credentialGroup.findFirst({ where: { organizationId: a.organizationId, name, NOT: { id: groupId } } })) throw groupNameTaken();
      await claimGroup(tx, group);
      await tx.credentialGroup.update({ where: { id: groupId }, data: { name } });
      await bumpConfig(
        tx,
        group.sites.map((s) => s.id),
      );
      await recordAudit({ actor: a, action: "credential_groups.rename", target: { type: "CredentialGroup", id: groupId, label: name }, detail: `was ${group.name}` }, tx);
      return { message: `The credential group is renamed to ${name}.` };
    })
    .catch(takenMeanwhile(groupNameTaken()));
}
