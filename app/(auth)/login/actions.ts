"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";

const MESSAGES: Record<string, string> = {
  invalid: "The email or password is incorrect.",
  throttled: "Too many failed attempts. Wait 15 minutes and try again, or reset your password.",
  disabled: "Your access is disabled. Contact your administrator.",
};

export async function signInAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { email, password, next } = parseInput(signInSchema, input);
    try {
      await signIn("console", { email, password, redirectTo: safeNextPath(next, "/") });
    } catch (e) {
      if (e instanceof AuthError) {
        const code = (e as AuthError & { code?: string }).code ?? "invalid";
        return { ok: false, error: MESSAGES[code] ?? MESSAGES.invalid };
      }
      throw e;
    }
    return { ok: true };
  });
}
