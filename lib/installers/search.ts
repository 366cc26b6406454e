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

/** The installer's full-text document (Installer.searchText): its tokens, separated by spaces. */
export function installerSearchText(tokens: string[]): string {
  return tokens.filter((t) => !/\s/u.test(t)).join(" ");
}

/**
 * Whether the full-text index answers a query exactly: every word is letters and digits. Its
 * terms are then exactly the tokens that start with it (FTS5's ascii tokenizer splits a token only
 * at ASCII punctuation, and every piece that starts with a letter or digit is a word of that
 * email, itself a token). Words with punctuation (emails) go through the token table.
 */
export function fullTextAnswers(words: string[]): boolean {
  return words.length > 0 && words.every((w) => /^[\p{L}\p{N}]+$/u.test(w));
}

/** One word of a full-text query: a whole term (the only token the word starts) or a prefix. */
export type FullTextTerm = { text: string; prefix: boolean };

/** The terms as an FTS5 MATCH expression (SQLite): all of them, each quoted. */
export function fts5Match(terms: FullTextTerm[]): string {
  return terms.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? " *" : ""}`).join(" AND ");
}
