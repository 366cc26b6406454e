// An edit form's save writes only the fields it changed (DESIGN.md rule 4: two admins editing one
// row at once lose neither's change). The form sends the row as it showed it (`shown`); a field
// whose value is what was shown is left as it is now, so a change someone saved after the form
// opened stays. Without `shown` (a script, an older client), every field is written, as before.
// Two people changing the same field: the later save's value stands, as both meant to set it.
import { z } from "./zod";

const shownValue = z.union([z.string().max(4000), z.boolean()]).optional();

/** What an edit form showed: the same fields, as plain values (only compared, never stored). */
export function shownSchema<K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((k) => [k, shownValue])) as Record<K, typeof shownValue>).optional();
}

/** The fields of `input` to write: those that differ from what the form showed, or all of them without `shown`. */
export function changedFields<T extends Record<K, unknown>, K extends string>(input: T, shown: Partial<Record<K, unknown>> | undefined, keys: readonly K[]): Partial<Pick<T, K>> {
  const changed: Partial<Pick<T, K>> = {};
  for (const k of keys) if (!shown || shown[k] === undefined || shown[k] !== input[k]) changed[k] = input[k];
  return changed;
}
