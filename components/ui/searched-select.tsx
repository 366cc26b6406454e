"use client";
// A choice among rows too many to list (a dealer's customers or sites): a search field, and a
// select of the first SEARCHED_CHOICES rows by name or of those matching what was typed, searched on
// the server as the user types. The chosen row stays listed while another search runs, so what is
// shown is what is saved.
import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { useSearchOptions } from "@/components/ui/use-search-options";
import type { ActionResult } from "@/lib/actions/result";
import { SEARCHED_CHOICES, SEARCH_TEXT_MAX } from "@/lib/search-choices";

export function SearchedSelect<T extends { id: string }>({
  label,
  searchLabel,
  searchHint,
  noun,
  emptyHint,
  error,
  search,
  register,
  initial = null,
  optionLabel,
}: {
  label: string;
  searchLabel: string;
  searchHint: string;
  /** Plural, for "Loading customers…" and "The first 50 customers by name". */
  noun: string;
  /** Shown when there is nothing to choose from at all. */
  emptyHint: string;
  error?: string;
  search: (q: string) => Promise<ActionResult<T[]>>;
  register: UseFormRegisterReturn;
  initial?: T | null;
  optionLabel: (option: T) => string;
}) {
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<T | null>(initial);
  const { options, loadError } = useSearchOptions(search, q);
  const listed = options && chosen && !options.some((o) => o.id === chosen.id) ? [chosen, ...options] : (options ?? (chosen ? [chosen] : null));
  const hint =
    loadError ??
    (options?.length === 0
      ? q
        ? `Nothing matches “${q}”.`
        : emptyHint
      : options?.length === SEARCHED_CHOICES
        ? `The first ${SEARCHED_CHOICES} ${q ? "matches" : noun} by name: type more to find others.`
        : undefined);
  return (
    <>
      <Field label={searchLabel} hint={searchHint}>
        {(p) => <input {...p} type="search" className="input" value={q} onChange={(e) => setQ(e.target.value)} maxLength={SEARCH_TEXT_MAX} />}
      </Field>
      <Field label={label} error={error} hint={hint}>
        {(p) => (
          <select
            {...p}
            className="input"
            {...register}
            onChange={(e) => {
              setChosen(listed?.find((o) => o.id === e.target.value) ?? null);
              return register.onChange(e);
            }}
          >
            <option value="">{options === null ? `Loading ${noun}…` : `Select a ${label.toLowerCase()}`}</option>
            {listed?.map((o) => (
              <option key={o.id} value={o.id}>
                {optionLabel(o)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
