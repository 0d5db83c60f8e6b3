/**
 * A client name's sort key: lower case, accents dropped, runs of spaces made one. Stored beside the name
 * (`clients.name_key`, migration 0080) because SQLite's NOCASE folds ASCII only: "Épicerie" sorted after
 * "Zoé", and a prefix typed with or without its accent could not be found by one range of the index.
 * Compared as bytes (code points), so the key of what a user typed bounds every name that starts with it.
 */
export function nameKey(name: string): string {
  if (PLAIN.test(name)) return name.toLowerCase();
  return name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Printable ASCII words, one space apart: nothing to fold but the case (most names). */
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

export interface NameKeyRange {
  /** Inclusive. */
  from: string;
  /** Exclusive: the smallest key greater than every key starting with `from`. */
  to: string;
}

/** The keys of the names that start with `text`, or null when its key is empty. */
export function nameKeyRange(text: string): NameKeyRange | null {
  const from = nameKey(text);
  if (!from) return null;
  const points = [...from];
  const last = (points.pop() as string).codePointAt(0) as number;
  // Past the last code point of the prefix, skipping the surrogate block (no UTF-8 form).
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return { from, to: points.join('') + String.fromCodePoint(Math.min(next, 0x10ffff)) };
}
