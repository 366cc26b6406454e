"use server";
import { action } from "@/lib/actions/action";
import { noInput } from "@/lib/actions/result";
import { signOutActor, signOutOtherSessions } from "@/lib/auth/entry";

export const installerSignOutAction = action(noInput, (actor) => signOutActor(actor, "/installer/login"));
export const installerSignOutOtherSessionsAction = action(noInput, (actor) => signOutOtherSessions(actor));
