"use server";
import { action } from "@/lib/actions/action";
import { setInstallerMode } from "@/lib/customer-app/mutations";
import { installerModeSchema } from "@/lib/customer-app/schemas";

export const setInstallerModeAction = action(installerModeSchema, (actor, input) => setInstallerMode(actor, input), { revalidate: { layout: "/app" } });
