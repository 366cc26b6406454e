// Phone numbers are stored in E.164 (+14155550123): what an SMS provider expects, and one spelling
// per number so that people are found by it. A number typed without a country code is read in the
// site's country.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export const INVALID_PHONE = "Enter a valid mobile phone number, with the country code if it is not of this site's country.";

/** The number in E.164, or null when it is not a valid number. */
export function toE164(input: string, defaultCountry?: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, (defaultCountry || undefined) as CountryCode | undefined);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** For display: the international format (+1 415 555 0123); stored text that does not parse is shown as it is. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
