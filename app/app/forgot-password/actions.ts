"use server";
import { publicAction } from "@/lib/actions/action";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { requestCustomerPasswordReset } from "@/lib/customer-app/invitations";

export const requestCustomerPasswordResetAction = publicAction(forgotPasswordSchema, ({ email }, { ip }) => requestCustomerPasswordReset(email, ip));
