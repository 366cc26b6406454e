// IMEI: 15 digits, the last a Luhn check digit.
export function luhnCheckDigit(first14: string): number {
  let sum = 0;
  for (let i = 0; i < first14.length; i++) {
    let d = Number(first14[first14.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidImei(imei: string): boolean {
  return /^\d{15}$/.test(imei) && luhnCheckDigit(imei.slice(0, 14)) === Number(imei[14]);
}

export function makeImei(first14: string): string {
  return first14 + luhnCheckDigit(first14);
}

import type { Actor } from "../access/actor";

/** The one rule of panel visibility: a role sees all panel groups, or only its chosen ones. */
export function visiblePanelWhere(actor: Actor): { panelGroupId?: { in: string[] } } {
  return actor.panelGroups === "all" ? {} : { panelGroupId: { in: [...actor.panelGroups] } };
}

export function visibleGroupWhere(actor: Actor): { id?: { in: string[] } } {
  return actor.panelGroups === "all" ? {} : { id: { in: [...actor.panelGroups] } };
}
