"use server";
import { completeWithCode } from "@/lib/account/mutations";
import { publicAction } from "@/lib/actions/action";
import { completeWithCodeSchema } from "@/lib/auth/schemas";

export const completeEmployeeSetupAction = publicAction(completeWithCodeSchema, (input, { ip }) => completeWithCode(input, "console", "EMPLOYEE_SETUP", ip));
