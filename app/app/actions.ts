"use server";
import { action } from "@/lib/actions/action";
import { noInput } from "@/lib/actions/result";
import { signOutActor, signOutOtherSessions } from "@/lib/auth/entry";
import { sendMyselfMobileInvitation } from "@/lib/customer-app/invitations";

export const customerSignOutAction = action(noInput, (actor) => signOutActor(actor, "/app/login"));
export const customerSignOutOtherSessionsAction = action(noInput, (actor) => signOutOtherSessions(actor));
export const sendMyselfMobileInvitationAction = action(noInput, (actor) => sendMyselfMobileInvitation(actor), { revalidate: "/app/team" });
