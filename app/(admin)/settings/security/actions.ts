"use server";
import { action } from "@/lib/actions/action";
import { setRequireMfa } from "@/lib/auth/mfa";
import { requireMfaSchema } from "@/lib/auth/schemas";

export const setRequireMfaAction = action(requireMfaSchema, (actor, { requireMfa }) => setRequireMfa(actor, requireMfa), { revalidate: "/settings/security" });
