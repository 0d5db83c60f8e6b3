import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfStore } from '../../../../../main/core/settings/key-value-store';
import { createSettingsService } from '../../../../../main/core/settings/settings-service';
import { DEFAULT_SETTINGS } from '../../../../../shared/schemas/settings';

describe('settings service on a real settings file', () => {
  it('starts from the defaults and keeps a change across a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-settings-'));
    const first = createSettingsService(createConfStore(dir));
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    first.update({ language: 'fr', theme: 'dark' });
    const reopened = createSettingsService(createConfStore(dir));
    expect(reopened.get()).toMatchObject({ language: 'fr', theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).preferences.language).toBe('fr');
  });

  it('falls back field by field when the file was hand-edited into nonsense', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-settings-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ preferences: { language: 'klingon', theme: 'dark', keyMaxAgeDays: -4 } }));
    const settings = createSettingsService(createConfStore(dir)).get();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('refuses an invalid update and keeps the stored value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-settings-'));
    const service = createSettingsService(createConfStore(dir));
    service.update({ theme: 'light' });
    expect(() => service.update({ theme: 'neon' as never })).toThrow();
    expect(service.get().theme).toBe('light');
  });

  it('stores window bounds only when they are sane', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-settings-'));
    const service = createSettingsService(createConfStore(dir));
    expect(service.getWindowBounds()).toBeNull();
    service.setWindowBounds({ x: 10, y: 20, width: 1200, height: 700, maximized: false });
    expect(service.getWindowBounds()).toEqual({ x: 10, y: 20, width: 1200, height: 700, maximized: false });
    expect(() => service.setWindowBounds({ width: 5, height: 5 })).toThrow();
  });
});
