import { describe, expect, it } from 'vitest';
import { DESCRIPTORS } from '../../../../shared/providers';
import { i18n } from '../../../../renderer/i18n';

/** Every label, hint and message key a descriptor names, in both languages. */
function keysOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string' && /^providers\.[a-z]/.test(value)) out.add(value);
  else if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) keysOf(v, out);
  return out;
}

describe('provider strings', () => {
  for (const descriptor of Object.values(DESCRIPTORS)) {
    it(`${descriptor.id}: every key of its descriptor exists in English and French`, () => {
      const keys = [...keysOf(descriptor)];
      expect(keys.length).toBeGreaterThan(3);
      const missing = keys.flatMap((key) => ['en', 'fr'].filter((lng) => !i18n.exists(key, { lng, fallbackLng: false })).map((lng) => `${lng}:${key}`));
      expect(missing).toEqual([]);
    });
  }
});
