"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";
import { addEmployee, assignPanelToEmployee, changeEmployeeRole, deleteEmployee, editEmployee, resetEmployeePassword, unassignPanelFromEmployee } from "@/lib/employees/mutations";
import { listAssignablePanelsForEmployee } from "@/lib/employees/queries";
import { addEmployeeSchema, editEmployeeSchema, editPrivilegeSchema, employeeIdSchema, employeePanelSchema, employeePanelSearchSchema } from "@/lib/employees/schemas";
import type { PanelOption } from "@/lib/panels/schemas";

function done(outcome: { message: string }): ActionResult {
  revalidatePath("/employees");
  return { ok: true, message: outcome.message };
}

export async function addEmployeeAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await addEmployee(await getActor(), parseInput(addEmployeeSchema, input))));
}

export async function editEmployeeAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await editEmployee(await getActor(), parseInput(editEmployeeSchema, input))));
}

export async function editPrivilegeAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await changeEmployeeRole(await getActor(), parseInput(editPrivilegeSchema, input))));
}

export async function resetEmployeePasswordAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await resetEmployeePassword(await getActor(), parseInput(employeeIdSchema, input).id)));
}

export async function deleteEmployeeAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => done(await deleteEmployee(await getActor(), parseInput(employeeIdSchema, input).id)));
}

export async function assignEmployeePanelAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { employeeId, panelId } = parseInput(employeePanelSchema, input);
    return done(await assignPanelToEmployee(await getActor(), employeeId, panelId));
  });
}

export async function unassignEmployeePanelAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { employeeId, panelId } = parseInput(employeePanelSchema, input);
    return done(await unassignPanelFromEmployee(await getActor(), employeeId, panelId));
  });
}

export async function searchEmployeePanelsAction(input: unknown): Promise<ActionResult<PanelOption[]>> {
  return toResult(async () => {
    const { employeeId, q } = parseInput(employeePanelSearchSchema, input);
    return { ok: true, data: await listAssignablePanelsForEmployee(await getActor(), employeeId, q) };
  });
}
