"use server";
import { completeWithCode, requestPasswordReset } from "@/lib/account/mutations";
import { publicAction } from "@/lib/actions/action";
import { completeWithCodeSchema, forgotPasswordSchema } from "@/lib/auth/schemas";

export const requestPasswordResetAction = publicAction(forgotPasswordSchema, ({ email }, { ip }) => requestPasswordReset(email, "console", ip));
export const completePasswordResetAction = publicAction(completeWithCodeSchema, (input, { ip }) => completeWithCode(input, "console", "PASSWORD_RESET", ip));
