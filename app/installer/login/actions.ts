"use server";
import { signIn } from "@/lib/auth/auth";
import { passwordSignIn } from "@/lib/auth/password-sign-in";
import { forgotPasswordSchema, signInSchema } from "@/lib/auth/schemas";
import { SIGN_IN_LINK_PROVIDER } from "@/lib/auth/sign-in-link";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";

export async function installerSignInAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { email, password } = parseInput(signInSchema, input);
    return passwordSignIn("installer", email, password, "/installer");
  });
}

/** Always ends on the same "check your email" page, whether or not the address is an installer's. */
export async function emailSignInLinkAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const { email } = parseInput(forgotPasswordSchema, input);
    await signIn(SIGN_IN_LINK_PROVIDER, { email, redirectTo: "/installer" });
    return { ok: true };
  });
}
