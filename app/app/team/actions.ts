"use server";
import { action } from "@/lib/actions/action";
import { addTeamMemberSchema, editTeamMemberSchema, inviteTeamMemberSchema, teamMemberIdSchema, teamPrivilegesSchema } from "@/lib/customer-app/schemas";
import { addTeamMember, deleteTeamMember, editTeamMember, inviteTeamMember, setTeamPrivileges } from "@/lib/customer-app/team";

const revalidate = { revalidate: { layout: "/app" } };

export const addTeamMemberAction = action(addTeamMemberSchema, (actor, input) => addTeamMember(actor, input), revalidate);
export const inviteTeamMemberAction = action(inviteTeamMemberSchema, (actor, input) => inviteTeamMember(actor, input), revalidate);
export const teamPrivilegesAction = action(teamPrivilegesSchema, (actor, input) => setTeamPrivileges(actor, input), revalidate);
export const editTeamMemberAction = action(editTeamMemberSchema, (actor, input) => editTeamMember(actor, input), revalidate);
export const deleteTeamMemberAction = action(teamMemberIdSchema, (actor, input) => deleteTeamMember(actor, input), revalidate);
