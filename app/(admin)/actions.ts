"use server";
import { signOut } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/current";
import { recordAudit } from "@/lib/audit";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await recordAudit({ actor, action: "auth.sign_out" });
  await signOut({ redirectTo: "/login" });
}
