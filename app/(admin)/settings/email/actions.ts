"use server";
import { action } from "@/lib/actions/action";
import { noInput } from "@/lib/actions/result";
import { removeSmtpSettings, retryFailedMessage, saveSmtpSettings, sendTestEmail } from "@/lib/settings/mutations";
import { outboxMessageIdSchema, smtpSettingsSchema } from "@/lib/settings/schemas";

const revalidate = "/settings/email";

export const saveSmtpSettingsAction = action(smtpSettingsSchema, saveSmtpSettings, { revalidate });
export const removeSmtpSettingsAction = action(noInput, (actor) => removeSmtpSettings(actor), { revalidate });
export const sendTestEmailAction = action(noInput, (actor) => sendTestEmail(actor), { revalidate });
export const retryFailedMessageAction = action(outboxMessageIdSchema, (actor, { id }) => retryFailedMessage(actor, id), { revalidate });
