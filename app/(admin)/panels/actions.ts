"use server";
import { action } from "@/lib/actions/action";
import { deletePanel, deletePanelGroup, savePanel, savePanelGroup, setPanelInstallerAppAccess } from "@/lib/panels/mutations";
import { panelAccessSchema, panelGroupSchema, panelIdSchema, panelSchema } from "@/lib/panels/schemas";

const revalidate = { layout: "/panels" };

export const savePanelAction = action(panelSchema, savePanel, { revalidate });
export const deletePanelAction = action(panelIdSchema, (actor, { id }) => deletePanel(actor, id), { revalidate });
export const setPanelAccessAction = action(panelAccessSchema, (actor, { id, installerAppAccess }) => setPanelInstallerAppAccess(actor, id, installerAppAccess), { revalidate });
export const savePanelGroupAction = action(panelGroupSchema, savePanelGroup, { revalidate });
export const deletePanelGroupAction = action(panelIdSchema, (actor, { id }) => deletePanelGroup(actor, id), { revalidate });
