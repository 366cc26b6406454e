"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";
import { addSiteToExistingGroup, addSiteToNewGroup, moveSiteToGroup, regenerateSiteCredentials, removeSiteFromGroup, renameCredentialGroup } from "@/lib/sites/credential-groups";
import { existingGroupSchema, newGroupSchema, renameGroupSchema, siteColumnsSchema, siteIdSchema, siteSchema } from "@/lib/sites/schemas";
import { activateSite, requestInstallerMode, saveSite, saveSiteColumns } from "@/lib/sites/sites";

function done(outcome: { message: string }): ActionResult {
  revalidatePath("/sites", "layout");
  revalidatePath("/customers", "layout");
  return { ok: true, message: outcome.message };
}

export async function saveSiteAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await saveSite(await getActor(), parseInput(siteSchema, input))));
}

export async function saveSiteColumnsAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await saveSiteColumns(await getActor(), parseInput(siteColumnsSchema, input).columns)));
}

export async function activateSiteAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await activateSite(await getActor(), parseInput(siteIdSchema, input).siteId)));
}

export async function requestInstallerModeAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await requestInstallerMode(await getActor(), parseInput(siteIdSchema, input).siteId)));
}

export async function addToNewGroupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { siteId, name } = parseInput(newGroupSchema, input);
    return done(await addSiteToNewGroup(await getActor(), siteId, name));
  });
}

export async function addToExistingGroupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { siteId, groupId } = parseInput(existingGroupSchema, input);
    return done(await addSiteToExistingGroup(await getActor(), siteId, groupId));
  });
}

export async function moveToExistingGroupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { siteId, groupId } = parseInput(existingGroupSchema, input);
    return done(await moveSiteToGroup(await getActor(), siteId, groupId));
  });
}

export async function removeFromGroupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await removeSiteFromGroup(await getActor(), parseInput(siteIdSchema, input).siteId)));
}

export async function regenerateCredentialsAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await regenerateSiteCredentials(await getActor(), parseInput(siteIdSchema, input).siteId)));
}

export async function renameCredentialGroupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { groupId, name } = parseInput(renameGroupSchema, input);
    return done(await renameCredentialGroup(await getActor(), groupId, name));
  });
}
