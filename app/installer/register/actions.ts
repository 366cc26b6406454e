"use server";
import { completeWithCode } from "@/lib/account/mutations";
import { publicAction } from "@/lib/actions/action";
import { completeWithCodeSchema } from "@/lib/auth/schemas";

export const completeRegistrationAction = publicAction(completeWithCodeSchema, (input, { ip }) => completeWithCode(input, "installer", "INSTALLER_REGISTRATION", ip));
