"use server";
import { signOut } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit";

export async function installerSignOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await recordAudit({ actor, action: "auth.sign_out" });
  await signOut({ redirectTo: "/installer/login" });
}
