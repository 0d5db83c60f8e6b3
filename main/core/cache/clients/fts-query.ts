import { foldWord } from './highlight';

const MAX_TERMS = 16;

export interface SearchQuery {
  /** FTS5 expression: every word a quoted prefix term (`"bou"*`), all required. */
  match: string;
  /** The words as the index sees them (folded), for highlighting. */
  terms: string[];
}

/**
 * User text → a search. Quoting makes FTS5 syntax in the input (AND, NEAR, column filters, quotes) plain
 * text. One-letter words are dropped when longer ones are present: they match nearly every row (the `c`
 * of `c-00012`), add no selectivity and have no prefix index. Returns null when nothing is searchable.
 */
export function parseSearch(text: string): SearchQuery | null {
  const all = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const long = all.filter((w) => [...w].length > 1);
  const words = (long.length ? long : all).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return { match: words.map((w) => `"${w}"*`).join(' '), terms: words.map(foldWord) };
}

export function ftsMatchExpression(text: string): string | null {
  return parseSearch(text)?.match ?? null;
}

/** The rows whose name holds every term, and the other matches. */
export function nameAndRestMatches(match: string): [nameMatch: string, restMatch: string] {
  return [`name : (${match})`, `(${match}) NOT name : (${match})`];
}
