import { z } from "../zod";
import { INSTALLER_MODE_DURATIONS, type InstallerModeDuration } from "./rules";

const durations = Object.keys(INSTALLER_MODE_DURATIONS) as [InstallerModeDuration, ...InstallerModeDuration[]];

export const installerModeSchema = z
  .object({ siteId: z.string().min(1).max(64), on: z.boolean(), duration: z.enum(durations).optional() })
  .refine((v) => !v.on || v.duration, { path: ["duration"], message: "Choose how long Installer Mode stays on." });
export type InstallerModeInput = z.input<typeof installerModeSchema>;
