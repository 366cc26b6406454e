"use server";
import { publicAction } from "@/lib/actions/action";
import { passwordSignIn } from "@/lib/auth/entry";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";

export const signInAction = publicAction(signInSchema, ({ email, password, next }) => passwordSignIn("console", email, password, safeNextPath(next, "/")));
