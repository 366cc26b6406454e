"use server";
import { action } from "@/lib/actions/action";
import { addEmployee, assignPanelToEmployee, changeEmployeeRole, deleteEmployee, editEmployee, resetEmployeePassword, unassignPanelFromEmployee } from "@/lib/employees/mutations";
import { listAssignablePanelsForEmployee } from "@/lib/employees/queries";
import { resetEmployeeMfa } from "@/lib/auth/mfa";
import { addEmployeeSchema, editEmployeeSchema, editPrivilegeSchema, employeeIdSchema, employeePanelSchema, employeePanelSearchSchema } from "@/lib/employees/schemas";

const revalidate = "/employees";

export const addEmployeeAction = action(addEmployeeSchema, addEmployee, { revalidate });
export const editEmployeeAction = action(editEmployeeSchema, editEmployee, { revalidate });
export const editPrivilegeAction = action(editPrivilegeSchema, changeEmployeeRole, { revalidate });
export const resetEmployeePasswordAction = action(employeeIdSchema, (actor, { id }) => resetEmployeePassword(actor, id), { revalidate });
export const deleteEmployeeAction = action(employeeIdSchema, (actor, { id }) => deleteEmployee(actor, id), { revalidate });
export const assignEmployeePanelAction = action(employeePanelSchema, (actor, { employeeId, panelId }) => assignPanelToEmployee(actor, employeeId, panelId), { revalidate });
export const unassignEmployeePanelAction = action(employeePanelSchema, (actor, { employeeId, panelId }) => unassignPanelFromEmployee(actor, employeeId, panelId), { revalidate });
export const searchEmployeePanelsAction = action(employeePanelSearchSchema, async (actor, { employeeId, q }) => ({ data: await listAssignablePanelsForEmployee(actor, employeeId, q) }));
export const resetEmployeeMfaAction = action(employeeIdSchema, (actor, { id }) => resetEmployeeMfa(actor, id), { revalidate });
