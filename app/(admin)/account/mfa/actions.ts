"use server";
import { action } from "@/lib/actions/action";
import { noInput } from "@/lib/actions/result";
import { confirmMfaEnrolment, disableMfa, regenerateRecoveryCodes } from "@/lib/auth/mfa";
import { confirmMfaSchema, disableMfaSchema } from "@/lib/auth/schemas";

const revalidate = { layout: "/" };

export const confirmMfaEnrolmentAction = action(confirmMfaSchema, (actor, { code }) => confirmMfaEnrolment(actor, code), { revalidate });
export const regenerateRecoveryCodesAction = action(noInput, (actor) => regenerateRecoveryCodes(actor));
export const disableMfaAction = action(disableMfaSchema, (actor, { password }) => disableMfa(actor, password), { revalidate });
