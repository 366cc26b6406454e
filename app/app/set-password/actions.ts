"use server";
import { action } from "@/lib/actions/action";
import { setPasswordSchema } from "@/lib/customer-app/schemas";
import { setPasswordFromLink } from "@/lib/customer-app/invitations";

export const setCustomerPasswordAction = action(setPasswordSchema, (actor, input) => setPasswordFromLink(actor, input), { revalidate: { layout: "/app" } });
