import { foldWord } from './highlight';

/**
 * A client name's sort key: lower case, accents dropped, runs of spaces made one. Stored beside the name
 * (`clients.name_key`, migration 0080) because SQLite's NOCASE folds ASCII only: "Épicerie" sorted after
 * "Zoé", and a prefix typed with or without its accent could not be found by one range of the index.
 * Compared as bytes (code points), so the key of what a user typed bounds every name that starts with it.
 */
export function nameKey(name: string): string {
  return foldLatin(name) ?? foldAny(name);
}

/** The definition: folded as the search folds a word (no accents, lower case), one space between words. */
export function foldAny(name: string): string {
  return foldWord(name).replace(/\s+/g, ' ').trim();
}

/**
 * foldAny's result for each letter of Latin-1 and Latin Extended-A (U+00C0–U+017F) that folds to one
 * ASCII letter, and for printable ASCII; built from foldAny itself, so the two cannot disagree.
 */
const LATIN_FOLD: string[] = [];
for (let code = 0x21; code <= 0x17f; code++) {
  if (code > 0x7e && code < 0xc0) continue;
  const folded = foldAny(String.fromCharCode(code));
  if (folded.length === 1 && folded.charCodeAt(0) <= 0x7e) LATIN_FOLD[code] = folded;
}

/**
 * The same key without normalizing, for names written in ASCII and common accented Latin letters, one
 * space apart (nearly all): a table lookup per character costs a fifth of NFD and a regex. Null otherwise.
 */
function foldLatin(name: string): string | null {
  let out = '';
  let previous = 0x20;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 0x20) {
      if (previous === 0x20) return null;
      out += ' ';
    } else {
      const folded = LATIN_FOLD[code];
      if (folded === undefined) return null;
      out += folded;
    }
    previous = code;
  }
  return previous === 0x20 ? null : out;
}

export interface NameKeyRange {
  /** Inclusive. */
  from: string;
  /** Exclusive: the smallest key greater than every key starting with `from`. */
  to: string;
}

/** The keys of the names that start with `text`, or null when its key is empty. */
export function nameKeyRange(text: string): NameKeyRange | null {
  const from = nameKey(text);
  return from ? { from, to: keySuccessor(from) } : null;
}

/** The smallest key greater than every key starting with `from` (not empty), compared as code points. */
export function keySuccessor(from: string): string {
  const points = [...from];
  const last = (points.pop() as string).codePointAt(0) as number;
  // Past the last code point of the prefix, skipping the surrogate block (no UTF-8 form).
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return points.join('') + String.fromCodePoint(Math.min(next, 0x10ffff));
}
