"use server";
import { action } from "@/lib/actions/action";
import { changePassword } from "@/lib/account/mutations";
import { changePasswordSchema } from "@/lib/auth/schemas";

export const installerChangePasswordAction = action(changePasswordSchema, (actor, input) => changePassword(actor, input));
