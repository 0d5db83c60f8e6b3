import { keySuccessor, nameKey } from './name-key';
import type { NameKeyRange } from './name-key';

/**
 * Punctuation and symbols (ASCII, and the typographic ones French names use) in the order Intl.Collator
 * (ICU root) puts them, each group equal at base strength: all after the space, before the digits. Checked
 * against Intl.Collator by the unit test; fixed here rather than asked of ICU at run time, so a stored key
 * never depends on the ICU version that computed it.
 */
const PUNCTUATION = [
  '_', '-', '–', '—', ',', ';', ':', '!', '¡', '?', '¿', '.', '·', "'’‘", '"“”', '«', '»', '(', ')', '[', ']', '{', '}',
  '§', '@', '*', '/', '\\', '&', '#', '%', '•', '`', '^', '°', '+', '×', '<', '=', '>', '|', '~', '$', '£', '€',
];
/** In the key: the space first, then the punctuation, then digit-run markers, then letters (U+0061…) as they are. */
const SPACE = '\u0001';
const PUNCTUATION_BASE = 0x02;
/** A digit run becomes one marker (its significant digits' count) and the digits: "167" < "1047" as 3 < 4. */
const MARKER_BASE = 0x40;
const MAX_MARKED_DIGITS = 0x60 - MARKER_BASE;
/** Characters a name key keeps that ICU sorts as several (œ as oe, … as ...), or as their base letter. */
const EXPANSIONS: Record<string, string> = { 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ø': 'o', 'đ': 'd', 'ł': 'l', 'þ': 'th', '…': '...' };

const SYMBOL: Record<string, string> = Object.fromEntries([
  [' ', SPACE],
  ...PUNCTUATION.flatMap((group, rank) => [...group].map((ch) => [ch, String.fromCharCode(PUNCTUATION_BASE + rank)])),
]);

function digitRun(digits: string): string {
  const significant = digits.replace(/^0+/, '');
  return String.fromCharCode(MARKER_BASE + Math.min(significant.length, MAX_MARKED_DIGITS)) + significant;
}

/**
 * What a name key sorts by in the name order people expect: numbers by value ("Agence 2" < "Agence 10" <
 * "Agence 167" < "Agence 1047"), punctuation before digits before letters, as Intl.Collator with
 * `numeric: true, sensitivity: 'base'` compares (leading zeros ignored; runs of more than 32 significant
 * digits compare by their first digits). Byte order of the result is that order.
 */
export function sortKeyOfNameKey(key: string): string {
  let out = '';
  let i = 0;
  // A character-code loop rather than a regex per token: this runs for every row a sync writes.
  while (i < key.length) {
    const code = key.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) {
      let end = i + 1;
      while (end < key.length && key.charCodeAt(end) >= 0x61 && key.charCodeAt(end) <= 0x7a) end++;
      out += key.slice(i, end);
      i = end;
    } else if (code >= 0x30 && code <= 0x39) {
      let end = i + 1;
      while (end < key.length && key.charCodeAt(end) >= 0x30 && key.charCodeAt(end) <= 0x39) end++;
      out += digitRun(key.slice(i, end));
      i = end;
    } else {
      const ch = String.fromCodePoint(key.codePointAt(i) as number);
      const expanded = EXPANSIONS[ch];
      out += SYMBOL[ch] ?? (expanded ? sortKeyOfNameKey(expanded) : ch);
      i += ch.length;
    }
  }
  return out;
}

/** A client name's natural sort key (`clients.sort_key`). */
export function sortKey(name: string): string {
  return sortKeyOfNameKey(nameKey(name));
}

/**
 * Where the names that start with a typed text are. `sort`: a range of the sort key holding them all, exactly
 * them unless the text ends in a digit. A text ending in a digit is no range of the natural order ("agence 1"
 * starts "Agence 1047" but not "Agence 2", which sorts between them): `sort` then holds every name that has
 * any number there, and `exact` is the range of the name key that holds just them.
 */
export interface PrefixRanges {
  sort: NameKeyRange;
  exact?: NameKeyRange;
}

/** The ranges of the names that start with `text`; null when its key is empty. */
export function prefixRanges(text: string): PrefixRanges | null {
  const key = nameKey(text);
  if (!key) return null;
  const digits = /[0-9]+$/.exec(key);
  if (!digits) {
    const from = sortKeyOfNameKey(key);
    return { sort: { from, to: keySuccessor(from) } };
  }
  const stem = sortKeyOfNameKey(key.slice(0, digits.index));
  return {
    sort: { from: stem + String.fromCharCode(MARKER_BASE), to: stem + String.fromCharCode(MARKER_BASE + MAX_MARKED_DIGITS + 1) },
    exact: { from: key, to: keySuccessor(key) },
  };
}
