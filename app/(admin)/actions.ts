"use server";
import { action } from "@/lib/actions/action";
import { noInput } from "@/lib/actions/result";
import { signOutActor, signOutOtherSessions } from "@/lib/auth/entry";

export const signOutAction = action(noInput, (actor) => signOutActor(actor, "/login"));
export const signOutOtherSessionsAction = action(noInput, (actor) => signOutOtherSessions(actor));
