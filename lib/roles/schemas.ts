import { z } from "../zod";
import { isPermission } from "../access/permissions";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "../text";

export const roleSchema = z.object({
  id: z.string().max(64).optional(),
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.").refine(isSingleLine, SINGLE_LINE_MESSAGE),
  permissions: z.array(z.string().refine(isPermission, "Unknown permission.")).max(100).default([]),
  allPanelGroups: z.boolean().default(true),
  panelGroupIds: z.array(z.string().max(64)).max(1000).default([]),
  /**
   * An edit's role as the editor showed it: the save applies the changes made to it to the role as
   * it is now (lib/roles/rules.ts), so that two admins editing one role at once lose neither's change.
   * Without it, the form's values replace the role's.
   */
  shown: z
    .object({
      name: z.string().max(100),
      permissions: z.array(z.string().max(100)).max(100),
      allPanelGroups: z.boolean(),
      panelGroupIds: z.array(z.string().max(64)).max(1000),
    })
    .optional(),
});
export type RoleInput = z.input<typeof roleSchema>;
export const roleIdSchema = z.object({ id: z.string().min(1).max(64) });
