"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { parseInput, toResult, type ActionResult } from "@/lib/actions/result";
import { removeSmtpSettings, saveSmtpSettings, sendTestEmail, smtpSettingsSchema } from "@/lib/settings/email";

export async function saveSmtpSettingsAction(input: unknown): Promise<ActionResult> {
  return toResult(async () => {
    const actor = await getActor();
    await saveSmtpSettings(actor, parseInput(smtpSettingsSchema, input));
    revalidatePath("/settings/email");
    return { ok: true, message: "SMTP settings saved. Waiting messages will now be delivered." };
  });
}

export async function removeSmtpSettingsAction(): Promise<ActionResult> {
  return toResult(async () => {
    await removeSmtpSettings(await getActor());
    revalidatePath("/settings/email");
    return { ok: true, message: "SMTP settings removed." };
  });
}

export async function sendTestEmailAction(): Promise<ActionResult> {
  return toResult(async () => {
    const result = await sendTestEmail(await getActor());
    revalidatePath("/settings/email");
    if (result.status === "sent") return { ok: true, message: "Test email sent. Check your inbox." };
    if (result.status === "waiting") return { ok: true, warning: "Email delivery is not configured: the test email is queued and will go out once email is configured." };
    return { ok: false, error: `The test email could not be delivered: ${result.detail ?? "unknown error"}. It will be retried.` };
  });
}
