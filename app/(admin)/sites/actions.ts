"use server";
import { action } from "@/lib/actions/action";
import { addSiteToExistingGroup, addSiteToNewGroup, moveSiteToGroup, regenerateSiteCredentials, removeSiteFromGroup, renameCredentialGroup } from "@/lib/credential-groups/mutations";
import { existingGroupSchema, newGroupSchema, renameGroupSchema, siteColumnsSchema, siteIdSchema, siteSchema } from "@/lib/sites/schemas";
import { activateSite, requestInstallerMode, saveSite, saveSiteColumns } from "@/lib/sites/mutations";

// Sites are listed under their customers too.
const revalidate = [{ layout: "/sites" }, { layout: "/customers" }];

export const saveSiteAction = action(siteSchema, saveSite, { revalidate });
export const saveSiteColumnsAction = action(siteColumnsSchema, (actor, { columns }) => saveSiteColumns(actor, columns), { revalidate });
export const activateSiteAction = action(siteIdSchema, (actor, { siteId }) => activateSite(actor, siteId), { revalidate });
export const requestInstallerModeAction = action(siteIdSchema, (actor, { siteId }) => requestInstallerMode(actor, siteId), { revalidate });
export const addToNewGroupAction = action(newGroupSchema, (actor, { siteId, name }) => addSiteToNewGroup(actor, siteId, name), { revalidate });
export const addToExistingGroupAction = action(existingGroupSchema, (actor, { siteId, groupId }) => addSiteToExistingGroup(actor, siteId, groupId), { revalidate });
export const moveToExistingGroupAction = action(existingGroupSchema, (actor, { siteId, groupId }) => moveSiteToGroup(actor, siteId, groupId), { revalidate });
export const removeFromGroupAction = action(siteIdSchema, (actor, { siteId }) => removeSiteFromGroup(actor, siteId), { revalidate });
export const regenerateCredentialsAction = action(siteIdSchema, (actor, { siteId }) => regenerateSiteCredentials(actor, siteId), { revalidate });
export const renameCredentialGroupAction = action(renameGroupSchema, (actor, { groupId, name }) => renameCredentialGroup(actor, groupId, name), { revalidate });
