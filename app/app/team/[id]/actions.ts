"use server";
import { action } from "@/lib/actions/action";
import { credentialIdSchema, generateUserCodeSchema } from "@/lib/customer-app/schemas";
import { deleteTeamUserCode, generateTeamUserCode } from "@/lib/customer-app/team";

const revalidate = { revalidate: { layout: "/app" } };

export const generateUserCodeAction = action(generateUserCodeSchema, (actor, input) => generateTeamUserCode(actor, input), revalidate);
export const deleteUserCodeAction = action(credentialIdSchema, (actor, input) => deleteTeamUserCode(actor, input), revalidate);
