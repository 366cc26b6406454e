"use server";
import { action } from "@/lib/actions/action";
import { deleteAgent, saveAgent } from "@/lib/logins/mutations";
import { agentIdSchema, saveAgentSchema } from "@/lib/logins/schemas";

const revalidate = { revalidate: [{ layout: "/logins" }, { layout: "/customers" }] };

export const saveAgentAction = action(saveAgentSchema, saveAgent, revalidate);
export const deleteAgentAction = action(agentIdSchema, deleteAgent, revalidate);
