"use server";
import { action } from "@/lib/actions/action";
import { deleteRole, saveRole } from "@/lib/roles/mutations";
import { roleIdSchema, roleSchema } from "@/lib/roles/schemas";

// A role's permissions decide the navigation of every page of its holders.
export const saveRoleAction = action(roleSchema, saveRole, { revalidate: { layout: "/" } });
export const deleteRoleAction = action(roleIdSchema, (actor, { id }) => deleteRole(actor, id), { revalidate: "/roles" });
