"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";
import { deletePanel, deletePanelGroup, savePanel, savePanelGroup, setPanelInstallerAppAccess } from "@/lib/panels/mutations";
import { panelAccessSchema, panelGroupSchema, panelIdSchema, panelSchema } from "@/lib/panels/schemas";

function done(outcome: { message: string }): ActionResult {
  revalidatePath("/panels", "layout");
  return { ok: true, message: outcome.message };
}

export async function savePanelAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await savePanel(await getActor(), parseInput(panelSchema, input))));
}

export async function deletePanelAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await deletePanel(await getActor(), parseInput(panelIdSchema, input).id)));
}

export async function setPanelAccessAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { id, installerAppAccess } = parseInput(panelAccessSchema, input);
    return done(await setPanelInstallerAppAccess(await getActor(), id, installerAppAccess));
  });
}

export async function savePanelGroupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await savePanelGroup(await getActor(), parseInput(panelGroupSchema, input))));
}

export async function deletePanelGroupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await deletePanelGroup(await getActor(), parseInput(panelIdSchema, input).id)));
}
