"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";
import { deleteCustomer, saveCustomer } from "@/lib/customers/customers";
import { customerIdSchema, customerSchema } from "@/lib/customers/schemas";

export async function saveCustomerAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const r = await saveCustomer(await getActor(), parseInput(customerSchema, input));
    revalidatePath("/customers", "layout");
    return { ok: true, message: r.message };
  });
}

export async function deleteCustomerAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const r = await deleteCustomer(await getActor(), parseInput(customerIdSchema, input).id);
    revalidatePath("/customers", "layout");
    return { ok: true, message: r.message };
  });
}
