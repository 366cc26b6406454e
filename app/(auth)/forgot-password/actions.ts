"use server";
import { completeWithCode, requestPasswordReset } from "@/lib/account/password-reset";
import { completeWithCodeSchema, forgotPasswordSchema } from "@/lib/auth/schemas";
import { requestIp } from "@/lib/auth/session";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";

export async function requestPasswordResetAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { email } = parseInput(forgotPasswordSchema, input);
    await requestPasswordReset(email, "console", await requestIp());
    return { ok: true };
  });
}

export async function completePasswordResetAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const data = parseInput(completeWithCodeSchema, input);
    await completeWithCode(data, "console", "PASSWORD_RESET", await requestIp());
    return { ok: true };
  });
}
