// Shared by the console's and the installer app's sign-in actions.
import { AuthError } from "next-auth";
import { signIn } from "./auth";
import type { SignInArea } from "./sign-in";
import type { ActionResult } from "../actions/result";

export const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid: "The email or password is incorrect.",
  throttled: "Too many failed attempts. Wait 15 minutes and try again, or reset your password.",
  disabled: "Your access to the installer application is disabled. Contact your dealer to have it accepted again.",
};

export async function passwordSignIn(area: SignInArea, email: string, password: string, redirectTo: string): Promise<ActionResult> {
  try {
    await signIn(area, { email, password, redirectTo });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code ?? "invalid";
      return { ok: false, error: SIGN_IN_MESSAGES[code] ?? SIGN_IN_MESSAGES.invalid };
    }
    throw e;
  }
  return { ok: true };
}
