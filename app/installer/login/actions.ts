"use server";
import { publicAction } from "@/lib/actions/action";
import { forgotPasswordSchema, signInSchema } from "@/lib/auth/schemas";
import { passwordSignIn, requestSignInLink } from "@/lib/auth/entry";

export const installerSignInAction = publicAction(signInSchema, ({ email, password }) => passwordSignIn("installer", email, password, "/installer"));

/** Always ends on the same "check your email" page, whether or not the address is an installer's. */
export const emailSignInLinkAction = publicAction(forgotPasswordSchema, ({ email }) => requestSignInLink(email, "/installer"));
