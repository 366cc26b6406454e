"use server";
import { passwordSignIn } from "@/lib/auth/password-sign-in";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";

export async function signInAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { email, password, next } = parseInput(signInSchema, input);
    return passwordSignIn("console", email, password, safeNextPath(next, "/"));
  });
}
