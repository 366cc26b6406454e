"use server";
import { action } from "@/lib/actions/action";
import { deleteUsergroup, saveUsergroup } from "@/lib/logins/mutations";
import { saveUsergroupSchema, usergroupIdSchema } from "@/lib/logins/schemas";

const revalidate = { revalidate: { layout: "/logins" } };

export const saveUsergroupAction = action(saveUsergroupSchema, saveUsergroup, revalidate);
export const deleteUsergroupAction = action(usergroupIdSchema, deleteUsergroup, revalidate);
