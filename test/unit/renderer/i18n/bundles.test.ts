import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../../renderer/i18n';

const DIR = join(__dirname, '../../../../renderer/i18n');

/** Every leaf key of a bundle, with plural suffixes folded (French and English plural forms may differ). */
function leaves(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ''));
  return out;
}

function bundleFiles(dir: string, base = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? bundleFiles(join(dir, e.name), `${base}${e.name}/`) : e.name.endsWith('.ts') && !/^(index|en|fr)\.ts$/.test(e.name) ? [`${base}${e.name}`] : [],
  );
}

describe('renderer i18n bundles', () => {
  const files = bundleFiles(DIR);
  it('finds the area bundles', () => expect(files.length).toBeGreaterThan(10));

  for (const file of ['en.ts+fr.ts', ...files]) {
    it(`${file}: every key exists in English and in French`, async () => {
      const [en, fr] =
        file === 'en.ts+fr.ts'
          ? [(await import('../../../../renderer/i18n/en')).en, (await import('../../../../renderer/i18n/fr')).fr]
          : await import(`../../../../renderer/i18n/${file.replace(/\.ts$/, '')}`).then((m: { en: unknown; fr: unknown }) => [m.en, m.fr]);
      const enKeys = leaves(en);
      const frKeys = leaves(fr);
      expect({ onlyInEnglish: [...enKeys].filter((k) => !frKeys.has(k)), onlyInFrench: [...frKeys].filter((k) => !enKeys.has(k)) }).toEqual({ onlyInEnglish: [], onlyInFrench: [] });
    });
  }

  it('the resolved English and French trees have the same keys (nothing reached only through the English fallback)', () => {
    const en = leaves(i18n.getResourceBundle('en', 'translation'));
    const fr = leaves(i18n.getResourceBundle('fr', 'translation'));
    expect([...en].filter((k) => !fr.has(k))).toEqual([]);
    expect([...fr].filter((k) => !en.has(k))).toEqual([]);
  });

  it('writes interpolated numbers the language’s way, except HTTP statuses and ids', () => {
    const fr = i18n.getFixedT('fr');
    const en = i18n.getFixedT('en');
    expect(fr('dashboard.clientsTotal', { count: 5000 })).toBe('5\u202f000 clients');
    expect(en('dashboard.clientsTotal', { count: 5000 })).toBe('5,000 clients');
    expect(en('dashboard.clientsTotal', { count: 1 })).toBe('1 client');
    expect(fr('ui.httpStatus', { status: 1404 })).toBe('(HTTP 1404)');
  });
});
