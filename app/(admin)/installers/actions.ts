"use server";
// Server actions of the Installers page: parse with the shared schema, call lib/installers
// (which checks the caller's permission and organization), revalidate, return a typed result.
import { revalidatePath } from "next/cache";
import type { PanelOption } from "@/lib/panels/schemas";
import { getActor } from "@/lib/auth/current";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";
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
  type MutationOutcome,
} from "@/lib/installers/mutations";
import { listAssignablePanels } from "@/lib/installers/queries";
import { assignPanelSchema, convertInstallerSchema, installerIdSchema, installerIdsSchema, panelSearchSchema, registerInstallerSchema } from "@/lib/installers/schemas";

function done(outcome: MutationOutcome): ActionResult {
  revalidatePath("/installers");
  return { ok: true, message: outcome.message, warning: outcome.warning };
}

export async function registerInstallerAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await registerInstaller(await getActor(), parseInput(registerInstallerSchema, input))));
}

export async function resendRegistrationCodeAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await resendRegistrationCode(await getActor(), parseInput(installerIdSchema, input).installerId)));
}

export async function acceptInstallersAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await acceptInstallers(await getActor(), parseInput(installerIdsSchema, input).ids)));
}

export async function rejectInstallersAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await rejectInstallers(await getActor(), parseInput(installerIdsSchema, input).ids)));
}

export async function removeInstallersAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await removeInstallers(await getActor(), parseInput(installerIdsSchema, input).ids)));
}

export async function resetInstallerPasswordAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await resetInstallerPassword(await getActor(), parseInput(installerIdSchema, input).installerId)));
}

export async function convertInstallerAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const outcome = await convertInstallerToEmployee(await getActor(), parseInput(convertInstallerSchema, input));
    revalidatePath("/employees");
    return done(outcome);
  });
}

export async function assignPanelAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await assignPanelToInstaller(await getActor(), parseInput(assignPanelSchema, input))));
}

export async function unassignPanelAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await unassignPanelFromInstaller(await getActor(), parseInput(assignPanelSchema, input))));
}

export async function searchAssignablePanelsAction(input: unknown): Promise<ActionResult<PanelOption[]>> {
  return toResult(async () => {
    const { installerId, q } = parseInput(panelSearchSchema, input);
    return { ok: true, data: await listAssignablePanels(await getActor(), installerId, q) };
  });
}
