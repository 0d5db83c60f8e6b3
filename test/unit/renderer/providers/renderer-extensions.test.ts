import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../../../shared/domain';
import { DESCRIPTORS } from '../../../../shared/providers';
import { extensionFor } from '../../../../renderer/providers';
import { siteRowsOf } from '../../../../renderer/providers/sites/site-rows';
import { en, fr } from '../../../../renderer/i18n/clients';
import * as sitesStrings from '../../../../renderer/i18n/providers/sites';

function has(bundle: unknown, key: string): boolean {
  return typeof key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle) === 'string';
}

describe('renderer provider extensions', () => {
  it('registers panels only behind capabilities the provider has', () => {
    for (const id of PROVIDER_IDS) {
      for (const panel of extensionFor(id).clientPanels) {
        if (panel.requires) expect(DESCRIPTORS[id].capabilities).toContain(panel.requires);
      }
    }
    expect(extensionFor(undefined).clientPanels).toEqual([]);
  });

  it('names warnings and hints that exist in English and French', () => {
    for (const id of PROVIDER_IDS) {
      const extension = extensionFor(id);
      const keys = [
        ...Object.values(extension.fieldWarnings ?? {}).flatMap((w) => [w.messageKey, w.shortKey]),
        ...Object.values(extension.fieldHints ?? {}),
      ];
      for (const key of keys) {
        expect(has(en, key), `${key} (en)`).toBe(true);
        expect(has(fr, key), `${key} (fr)`).toBe(true);
      }
    }
    for (const key of ['sitesTable', 'site', 'equipements', 'noSites', 'sitesNotLoaded']) {
      expect(has(sitesStrings.en, `providers.sites.fields.${key}`)).toBe(true);
      expect(has(sitesStrings.fr, `providers.sites.fields.${key}`)).toBe(true);
    }
  });

  it('reads the sites table from the record, and says when the record has no list', () => {
    expect(siteRowsOf({ sitesList: [{ siteId: 'a', name: 'Entrepôt Lyon Sud', equipment: 12 }, { siteId: 'b', name: 'Siège', equipment: 'x' }, null] })).toEqual([
      { siteId: 'a', name: 'Entrepôt Lyon Sud', equipment: 12 },
      { siteId: 'b', name: 'Siège', equipment: 0 },
    ]);
    expect(siteRowsOf({ sitesList: [] })).toEqual([]);
    expect(siteRowsOf({ sites: 3 })).toBeNull();
  });
});
