import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameKey } from '../../../../../../main/core/cache/clients/name-key';
import { prefixRanges, sortKey } from '../../../../../../main/core/cache/clients/sort-key';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byKey = (a: string, b: string) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);

describe('natural sort keys', () => {
  it('sort numbers by value, whatever their length', () => {
    const names = ['Agence 1047', 'Agence 167', 'agence 10', 'Agence 2', 'Agence', 'Agence 02 bis', 'AGENCE 0'];
    expect([...names].sort(byKey)).toEqual(['Agence', 'AGENCE 0', 'Agence 2', 'Agence 02 bis', 'agence 10', 'Agence 167', 'Agence 1047']);
  });

  it('put spaces, then punctuation (in ICU order, typographic quotes and dashes too), then digits, then letters, as Intl.Collator does', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
    const byCollator = [...ascii, ...'’‘“”«»–—…·•€£§°×¿¡'].sort(collator.compare);
    // Same-letter cases compare equal in both orders: compare the keys of each neighbour pair instead.
    for (let i = 1; i < byCollator.length; i++) {
      const [a, b] = [byCollator[i - 1] as string, byCollator[i] as string];
      expect(Math.sign(byKey(`x${a}y`, `x${b}y`)), `${a} ${b}`).toBe(Math.sign(collator.compare(`x${a}y`, `x${b}y`)));
    }
  });

  it('fold the letters ICU reads as two (œ, æ, ß) or as their base letter (ø, ł)', () => {
    for (const [a, b] of [['Cœur', 'coeur'], ['Ærø', 'aero'], ['Straße', 'strasse'], ['Łódź', 'lodz']]) expect(sortKey(a as string)).toBe(sortKey(b as string));
  });

  it('order any names as Intl.Collator with numeric: true and sensitivity base does', () => {
    const word = fc.stringMatching(/^[A-Za-zéÉèàçÇôüœ0-9'&.-]{1,8}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(name, name, (a, b) => Math.sign(byKey(a, b)) === Math.sign(collator.compare(a, b))),
      { numRuns: 3000 },
    );
  });
});

describe('prefix ranges', () => {
  const inside = (range: { from: string; to: string }, key: string) => key >= range.from && key < range.to;

  it('are one range of the sort key holding exactly the names that start with a text not ending in a digit', () => {
    const ranges = prefixRanges('Agence 10 b')!;
    expect(ranges.exact).toBeUndefined();
    expect(['Agence 10 bis', 'agence 10 Bâtiment', 'Agence 010 b'].every((n) => inside(ranges.sort, sortKey(n)))).toBe(true);
    expect(['Agence 10', 'Agence 100 b', 'Agence 1 b', 'Agence 10 c'].some((n) => inside(ranges.sort, sortKey(n)))).toBe(false);
  });

  it('hold every number at the end of a text ending in a digit, and the name key range holds exactly the names', () => {
    const ranges = prefixRanges('agence 1')!;
    for (const name of ['Agence 1047', 'Agence 167', 'Agence 2', 'Agence 99 bis']) expect(inside(ranges.sort, sortKey(name)), name).toBe(true);
    for (const name of ['Agence', 'Agence bis', 'Agencement 1', 'Agence-1']) expect(inside(ranges.sort, sortKey(name)), name).toBe(false);
    expect(['Agence 1047', 'Agence 167', 'agence 1'].every((n) => inside(ranges.exact!, nameKey(n)))).toBe(true);
    expect(['Agence 2', 'Agence 99'].some((n) => inside(ranges.exact!, nameKey(n)))).toBe(false);
    expect(prefixRanges('  ')).toBeNull();
  });
});
