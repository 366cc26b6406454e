"use server";
import { publicAction } from "@/lib/actions/action";
import { completeMfaSignIn } from "@/lib/auth/entry";
import { mfaSignInSchema } from "@/lib/auth/schemas";

export const verifyMfaAction = publicAction(mfaSignInSchema, (input, { ip }) => completeMfaSignIn(input, ip));
