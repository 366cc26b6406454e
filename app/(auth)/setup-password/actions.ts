"use server";
import { completeWithCode } from "@/lib/account/password-reset";
import { completeWithCodeSchema } from "@/lib/auth/schemas";
import { requestIp } from "@/lib/auth/session";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";

export async function completeEmployeeSetupAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    await completeWithCode(parseInput(completeWithCodeSchema, input), "console", "EMPLOYEE_SETUP", await requestIp());
    return { ok: true };
  });
}
