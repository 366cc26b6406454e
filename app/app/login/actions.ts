"use server";
import { publicAction } from "@/lib/actions/action";
import { passwordSignIn } from "@/lib/auth/entry";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";

export const customerSignInAction = publicAction(signInSchema, ({ email, password, next }) => passwordSignIn("customer", email, password, safeNextPath(next, "/app")));
