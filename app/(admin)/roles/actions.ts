"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";
import { deleteRole, saveRole } from "@/lib/roles/mutations";
import { roleIdSchema, roleSchema } from "@/lib/roles/schemas";

export async function saveRoleAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const outcome = await saveRole(await getActor(), parseInput(roleSchema, input));
    revalidatePath("/", "layout");
    return { ok: true, message: outcome.message };
  });
}

export async function deleteRoleAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const outcome = await deleteRole(await getActor(), parseInput(roleIdSchema, input).id);
    revalidatePath("/roles");
    return { ok: true, message: outcome.message };
  });
}
