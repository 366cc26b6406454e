"use server";
import { action } from "@/lib/actions/action";
import { deleteCustomer, saveCustomer } from "@/lib/customers/mutations";
import { customerIdSchema, customerSchema } from "@/lib/customers/schemas";
import { createContact, linkContactLogin, setContactPortalScope, setCustomerAgent, unlinkContactLogin } from "@/lib/logins/mutations";
import { contactIdSchema, contactScopeSchema, createContactSchema, customerAgentSchema, linkLoginSchema } from "@/lib/logins/schemas";

const revalidate = { layout: "/customers" };

export const saveCustomerAction = action(customerSchema, saveCustomer, { revalidate });
export const deleteCustomerAction = action(customerIdSchema, (actor, { id }) => deleteCustomer(actor, id), { revalidate });

// Customer page → Details (Agent) and the Contacts tab (seed 002).
export const setCustomerAgentAction = action(customerAgentSchema, setCustomerAgent, { revalidate });
export const createContactAction = action(createContactSchema, createContact, { revalidate: [revalidate, { layout: "/sites" }] });
export const linkContactLoginAction = action(linkLoginSchema, linkContactLogin, { revalidate: [revalidate, { layout: "/logins" }] });
export const unlinkContactLoginAction = action(contactIdSchema, unlinkContactLogin, { revalidate: [revalidate, { layout: "/logins" }] });
export const setContactPortalScopeAction = action(contactScopeSchema, setContactPortalScope, { revalidate: [revalidate, { layout: "/logins" }] });
