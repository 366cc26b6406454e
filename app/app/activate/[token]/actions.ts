"use server";
import { publicAction } from "@/lib/actions/action";
import { activationCodeSchema, activationTokenSchema } from "@/lib/customer-app/schemas";
import { completeActivation, sendActivationCode } from "@/lib/customer-app/invitations";

const revalidate = { revalidate: { layout: "/app/activate" } };

export const sendActivationCodeAction = publicAction(activationTokenSchema, ({ token }, { ip }) => sendActivationCode(token, ip));
export const completeActivationAction = publicAction(activationCodeSchema.partial({ code: true }), (input, { ip }) => completeActivation(input, ip), revalidate);
