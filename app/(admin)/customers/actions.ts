"use server";
import { action } from "@/lib/actions/action";
import { deleteCustomer, saveCustomer } from "@/lib/customers/mutations";
import { customerIdSchema, customerSchema } from "@/lib/customers/schemas";

const revalidate = { layout: "/customers" };

export const saveCustomerAction = action(customerSchema, saveCustomer, { revalidate });
export const deleteCustomerAction = action(customerIdSchema, (actor, { id }) => deleteCustomer(actor, id), { revalidate });
