"use server";
import { action } from "@/lib/actions/action";
import { addSiteToExistingGroup, addSiteToNewGroup, moveSiteToGroup, regenerateSiteCredentials, removeSiteFromGroup, renameCredentialGroup } from "@/lib/credential-groups/mutations";
import { existingGroupSchema, newGroupSchema, renameGroupSchema, siteColumnsSchema, siteCustomerSearchSchema, siteIdSchema, siteSchema } from "@/lib/sites/schemas";
import { activateSite, requestInstallerMode, saveSite, saveSiteColumns } from "@/lib/sites/mutations";
import { searchSiteCustomers } from "@/lib/sites/queries";
import { addContactToSite, createContact, removeContactFromSite } from "@/lib/logins/mutations";
import { createContactSchema, removeSiteContactSchema, siteContactSchema } from "@/lib/logins/schemas";

// Sites are listed under their customers too.
const revalidate = [{ layout: "/sites" }, { layout: "/customers" }];

export const saveSiteAction = action(siteSchema, saveSite, { revalidate });
export const searchSiteCustomersAction = action(siteCustomerSearchSchema, async (actor, { q }) => ({ data: await searchSiteCustomers(actor, q) }));
export const saveSiteColumnsAction = action(siteColumnsSchema, (actor, { columns }) => saveSiteColumns(actor, columns), { revalidate });
export const activateSiteAction = action(siteIdSchema, (actor, { siteId }) => activateSite(actor, siteId), { revalidate });
export const requestInstallerModeAction = action(siteIdSchema, (actor, { siteId }) => requestInstallerMode(actor, siteId), { revalidate });
export const addToNewGroupAction = action(newGroupSchema, (actor, { siteId, name }) => addSiteToNewGroup(actor, siteId, name), { revalidate });
export const addToExistingGroupAction = action(existingGroupSchema, (actor, { siteId, groupId }) => addSiteToExistingGroup(actor, siteId, groupId), { revalidate });
export const moveToExistingGroupAction = action(existingGroupSchema, (actor, { siteId, groupId }) => moveSiteToGroup(actor, siteId, groupId), { revalidate });
export const removeFromGroupAction = action(siteIdSchema, (actor, { siteId }) => removeSiteFromGroup(actor, siteId), { revalidate });
export const regenerateCredentialsAction = action(siteIdSchema, (actor, { siteId }) => regenerateSiteCredentials(actor, siteId), { revalidate });
export const renameCredentialGroupAction = action(renameGroupSchema, (actor, { groupId, name }) => renameCredentialGroup(actor, groupId, name), { revalidate });

// Site → Contacts (seed 002): add a customer contact, or create one and add it at once; remove one.
export const addContactToSiteAction = action(siteContactSchema, addContactToSite, { revalidate });
export const createSiteContactAction = action(createContactSchema, createContact, { revalidate });
export const removeContactFromSiteAction = action(removeSiteContactSchema, removeContactFromSite, { revalidate });
