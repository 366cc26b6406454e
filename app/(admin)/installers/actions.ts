"use server";
// Server actions of the Installers page. lib/installers checks the caller's permission and organization.
import { action } from "@/lib/actions/action";
import { noInput } from "@/lib/actions/result";
import {
  acceptInstallers,
  assignPanelToInstaller,
  convertInstallerToEmployee,
  registerInstaller,
  rejectInstallers,
  removeInstallers,
  resendRegistrationCode,
  resetInstallerPassword,
  unassignPanelFromInstaller,
} from "@/lib/installers/mutations";
import { listAssignablePanels, listRolesForConversion } from "@/lib/installers/queries";
import { assignPanelSchema, convertInstallerSchema, installerIdSchema, installerIdsSchema, panelSearchSchema, registerInstallerSchema } from "@/lib/installers/schemas";

const revalidate = "/installers";

export const registerInstallerAction = action(registerInstallerSchema, registerInstaller, { revalidate });
export const resendRegistrationCodeAction = action(installerIdSchema, (actor, { installerId }) => resendRegistrationCode(actor, installerId), { revalidate });
export const acceptInstallersAction = action(installerIdsSchema, (actor, { ids }) => acceptInstallers(actor, ids), { revalidate });
export const rejectInstallersAction = action(installerIdsSchema, (actor, { ids }) => rejectInstallers(actor, ids), { revalidate });
export const removeInstallersAction = action(installerIdsSchema, (actor, { ids }) => removeInstallers(actor, ids), { revalidate });
export const resetInstallerPasswordAction = action(installerIdSchema, (actor, { installerId }) => resetInstallerPassword(actor, installerId), { revalidate });
export const convertInstallerAction = action(convertInstallerSchema, convertInstallerToEmployee, { revalidate: [revalidate, "/employees"] });
export const assignPanelAction = action(assignPanelSchema, assignPanelToInstaller, { revalidate });
export const unassignPanelAction = action(assignPanelSchema, unassignPanelFromInstaller, { revalidate });
export const searchAssignablePanelsAction = action(panelSearchSchema, async (actor, { installerId, q }) => ({ data: await listAssignablePanels(actor, installerId, q) }));
// Read when the conversion form opens, not with every load of the page (most loads never convert).
export const listConversionRolesAction = action(noInput, async (actor) => ({ data: await listRolesForConversion(actor) }));
