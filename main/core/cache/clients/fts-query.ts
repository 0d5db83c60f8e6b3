import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../../shared/schemas/cache';

const MAX_TERMS = 16;

/**
 * User text → an FTS5 expression: every word becomes a quoted prefix term (`"bou"*`), all required.
 * Quoting makes FTS5 syntax in the input (AND, NEAR, column filters, quotes) plain text.
 * Returns null when the text has no searchable word.
 */
export function ftsMatchExpression(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** A highlight string is kept only when it actually marks something. */
export function marked(text: string | null | undefined): string | undefined {
  return text && text.includes(HIGHLIGHT_START) && text.includes(HIGHLIGHT_END) ? text : undefined;
}
