"use server";
import { completeWithCode, requestPasswordReset } from "@/lib/account/mutations";
import { publicAction } from "@/lib/actions/action";
import { completeWithCodeSchema, forgotPasswordSchema } from "@/lib/auth/schemas";

export const requestInstallerPasswordResetAction = publicAction(forgotPasswordSchema, ({ email }, { ip }) => requestPasswordReset(email, "installer", ip));
export const completeInstallerPasswordResetAction = publicAction(completeWithCodeSchema, (input, { ip }) => completeWithCode(input, "installer", "PASSWORD_RESET", ip));
