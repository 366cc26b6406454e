"use client";
import { forwardRef, useMemo } from "react";
import { countryOptions } from "@/lib/countries";

/** Countries by name (from Intl in the browser), values are ISO codes. */
export const CountrySelect = forwardRef<HTMLSelectElement, React.SelectHTMLAttributes<HTMLSelectElement>>(function CountrySelect(props, ref) {
  const countries = useMemo(() => countryOptions(), []);
  return (
    <select ref={ref} className="input" {...props}>
      <option value="">Select a country</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
});

/** A list of named options with an empty first choice. */
export const OptionSelect = forwardRef<HTMLSelectElement, { options: { id: string; name: string }[]; placeholder: string } & React.SelectHTMLAttributes<HTMLSelectElement>>(function OptionSelect(
  { options, placeholder, ...props },
  ref,
) {
  return (
    <select ref={ref} className="input" {...props}>
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
});
