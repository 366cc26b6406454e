"use server";
import { completeWithCode, requestPasswordReset } from "@/lib/account/password-reset";
import { completeWithCodeSchema, forgotPasswordSchema } from "@/lib/auth/schemas";
import { requestIp } from "@/lib/auth/session";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";

export async function requestInstallerPasswordResetAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    await requestPasswordReset(parseInput(forgotPasswordSchema, input).email, "installer", await requestIp());
    return { ok: true };
  });
}

export async function completeInstallerPasswordResetAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    await completeWithCode(parseInput(completeWithCodeSchema, input), "installer", "PASSWORD_RESET", await requestIp());
    return { ok: true };
  });
}
