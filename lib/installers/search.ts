// Word-start search over installers that stays fast at a million rows: each installer has
// tokens (words of its name, its email and the email's parts, its phone's digits), stored
// lower-case in an indexed table; a query word matches tokens that start with it (an index
// range scan on both SQLite and PostgreSQL, where LIKE '%q%' would read the whole table).

const MAX_TOKEN = 64;

function words(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function installerSearchTokens(input: { name: string; email: string; phone: string }): string[] {
  const email = input.email.normalize("NFKC").toLowerCase();
  const [local = "", domain = ""] = email.split("@");
  const groups = input.phone.split(/[^0-9]+/).filter(Boolean);
  const tokens = new Set<string>([...words(input.name), email, local, domain, ...words(email), ...groups]);
  // The whole number, and the number without its first group (a country or area code).
  if (groups.length) tokens.add(groups.join(""));
  if (groups.length > 2) tokens.add(groups.slice(1).join(""));
  tokens.delete("");
  return [...tokens].map((t) => t.slice(0, MAX_TOKEN));
}

/** The words of a query; every word must start some token of the installer. */
export function searchWords(q: string): string[] {
  const out: string[] = [];
  for (const raw of q.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean)) {
    if (raw.includes("@")) out.push(raw);
    else if (/^\+?[\d().-]+$/.test(raw) && /\d/.test(raw)) out.push(raw.replace(/\D/g, ""));
    else out.push(...words(raw));
  }
  return [...new Set(out)].slice(0, 6).map((w) => w.slice(0, MAX_TOKEN));
}

/** Tokens starting with `word`: the half-open range [word, word + U+FFFF). */
export function prefixRange(word: string): { gte: string; lt: string } {
  return { gte: word, lt: `${word}\uffff` };
}
