"use server";
import { action } from "@/lib/actions/action";
import { deleteLogin, resetLoginPassword, saveLogin, setLoginDisabled } from "@/lib/logins/mutations";
import { loginDisabledSchema, loginIdSchema, saveLoginSchema } from "@/lib/logins/schemas";

const revalidate = { revalidate: { layout: "/logins" } };

export const saveLoginAction = action(saveLoginSchema, saveLogin, revalidate);
export const setLoginDisabledAction = action(loginDisabledSchema, setLoginDisabled, revalidate);
export const resetLoginPasswordAction = action(loginIdSchema, resetLoginPassword);
export const deleteLoginAction = action(loginIdSchema, deleteLogin, revalidate);
