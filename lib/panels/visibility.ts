import type { Actor } from "../access/actor";

/** The one rule of panel visibility: a role sees all panel groups, or only its chosen ones. */
export function visiblePanelWhere(actor: Actor): { panelGroupId?: { in: string[] } } {
  return actor.panelGroups === "all" ? {} : { panelGroupId: { in: [...actor.panelGroups] } };
}

export function visibleGroupWhere(actor: Actor): { id?: { in: string[] } } {
  return actor.panelGroups === "all" ? {} : { id: { in: [...actor.panelGroups] } };
}
