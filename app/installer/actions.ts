"use server";
import { action } from "@/lib/actions/action";
import { noInput } from "@/lib/actions/result";
import { signOutActor } from "@/lib/auth/entry";

export const installerSignOutAction = action(noInput, (actor) => signOutActor(actor, "/installer/login"));
