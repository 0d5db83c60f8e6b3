import { describe, expect, it } from 'vitest';
import { foldAny, nameKey, nameKeyRange } from '../../../../../../main/core/cache/clients/name-key';

describe('name keys', () => {
  it('fold case and accents and collapse spaces, keeping the punctuation', () => {
    expect(nameKey('Épicerie  Guérin')).toBe('epicerie guerin');
    expect(nameKey("L'Atelier\tdu Bœuf ")).toBe("l'atelier du bœuf");
    expect(nameKey('GARAGE Müller & Fils')).toBe('garage muller & fils');
    expect(nameKey('plain ascii')).toBe('plain ascii');
  });

  it('give the same key on the fast path as the definition, for every Latin letter and mixed strings', () => {
    const letters = Array.from({ length: 0x250 }, (_, i) => String.fromCharCode(i));
    for (const letter of letters) expect(nameKey(`a${letter}b`), `U+${letter.charCodeAt(0).toString(16)}`).toBe(foldAny(`a${letter}b`));
    const names = ['Œuvre Ça', 'ÅSA  Østby', 'Łódź Ĳssel', 'ﬁne', 'İstanbul', ' lead', 'trail ', 'a\u00a0b', 'ÀÉÎÕÜ àéîõü', 'Straße'];
    for (const name of names) expect(nameKey(name), name).toBe(foldAny(name));
  });

  it('sort accented names among the plain ones, not after z', () => {
    const names = ['Zoé', 'Épicerie', 'Dupont', 'épargne', 'Fromagerie', 'Eole'];
    expect([...names].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1))).toEqual(['Dupont', 'Eole', 'épargne', 'Épicerie', 'Fromagerie', 'Zoé']);
  });

  it('bound exactly the keys that start with what was typed', () => {
    const range = nameKeyRange('Épi');
    expect(range).toEqual({ from: 'epi', to: 'epj' });
    const inside = (name: string) => nameKey(name) >= range!.from && nameKey(name) < range!.to;
    expect(['Épicerie', 'epi', 'EPINAL'].every(inside)).toBe(true);
    expect(['Ep', 'Epj', 'Éolienne', 'Atelier Épi'].some(inside)).toBe(false);
    expect(nameKeyRange('  ')).toBeNull();
    expect(nameKeyRange('a\u{d7ff}')).toEqual({ from: 'a\u{d7ff}', to: 'a\u{e000}' });
  });
});
