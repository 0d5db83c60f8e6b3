import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../../shared/schemas/cache';

const WORD = /[\p{L}\p{N}]+/gu;
const SNIPPET_WORDS = 16;

/** How the FTS tokenizer (unicode61, remove_diacritics 2) sees a word: lower case, no accents. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Marks the words that start with one of the (folded) search terms. Done here rather than with FTS5's
 * highlight(): that re-runs the whole MATCH for the page's rows and cost more than the search itself.
 * Returns undefined when nothing matched.
 */
export function highlightText(text: string | null, terms: readonly string[]): string | undefined {
  if (!text || terms.length === 0) return undefined;
  let out = '';
  let last = 0;
  let marked = false;
  for (const found of text.matchAll(WORD)) {
    const folded = foldWord(found[0]);
    if (!terms.some((term) => folded.startsWith(term))) continue;
    out += `${text.slice(last, found.index)}${HIGHLIGHT_START}${found[0]}${HIGHLIGHT_END}`;
    last = found.index + found[0].length;
    marked = true;
  }
  return marked ? out + text.slice(last) : undefined;
}

/** Like highlightText, but cut to about SNIPPET_WORDS words around the first match (for long descriptions). */
export function highlightSnippet(text: string | null, terms: readonly string[]): string | undefined {
  const marked = highlightText(text, terms);
  if (!marked || !text) return undefined;
  const words = [...text.matchAll(WORD)];
  if (words.length <= SNIPPET_WORDS) return marked;
  const first = words.findIndex((w) => terms.some((term) => foldWord(w[0]).startsWith(term)));
  const from = Math.max(0, Math.min(first - 2, words.length - SNIPPET_WORDS));
  const to = from + SNIPPET_WORDS;
  const start = from === 0 ? 0 : (words[from]?.index ?? 0);
  const endWord = words[to - 1];
  const end = to >= words.length || !endWord ? text.length : endWord.index + endWord[0].length;
  const piece = highlightText(text.slice(start, end), terms) ?? text.slice(start, end);
  return `${from > 0 ? '…' : ''}${piece}${end < text.length ? '…' : ''}`;
}
