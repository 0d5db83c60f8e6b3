import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSettingsFile, keepLastGood, lastGoodPath } from '../../../../../main/core/settings/settings-file';
import { createConfStore } from '../../../../../main/core/settings/key-value-store';
import { createSettingsService } from '../../../../../main/core/settings/settings-service';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-settings-file-'));
  dirs.push(dir);
  return dir;
}

describe('settings.json with a last-good copy', () => {
  it('every write the store makes leaves a whole last-good copy beside the file', () => {
    const dir = dataDir();
    const store = keepLastGood(createConfStore(dir), () => {});
    createSettingsService(store).update({ language: 'fr', syncIntervalMinutes: 15 });
    expect(lastGoodPath(store.path)).toBe(join(dir, 'settings.last-good.json'));
    expect(JSON.parse(readFileSync(join(dir, 'settings.last-good.json'), 'utf8'))).toMatchObject({ preferences: { language: 'fr', syncIntervalMinutes: 15 } });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a truncated settings.json is moved aside and restored from the last-good copy', () => {
    const dir = dataDir();
    const file = join(dir, 'settings.json');
    createSettingsService(keepLastGood(createConfStore(dir), () => {})).update({ language: 'fr' });
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));
    const checked = checkSettingsFile(file);
    expect(checked).toEqual({ state: 'restored', movedTo: expect.stringMatching(/settings\.damaged-.*\.json$/), lastGood: join(dir, 'settings.last-good.json') });
    expect(readFileSync(file, 'utf8')).toBe(whole);
    if (checked.state === 'restored') expect(readFileSync(checked.movedTo, 'utf8')).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    expect(createSettingsService(createConfStore(dir)).get().language).toBe('fr');
  });

  it('without a last-good copy a damaged file is reported and left as it is', () => {
    const dir = dataDir();
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"preferences": {"langu');
    expect(checkSettingsFile(file)).toEqual({ state: 'damaged', detail: expect.stringMatching(/settings\.json is not a readable JSON object/) });
    expect(readFileSync(file, 'utf8')).toBe('{"preferences": {"langu');
    expect(existsSync(lastGoodPath(file))).toBe(false);
  });

  it('JSON that is not an object (null, an array, a string) counts as damaged; a missing file is a first start', () => {
    const dir = dataDir();
    const file = join(dir, 'settings.json');
    expect(checkSettingsFile(file)).toEqual({ state: 'ok' });
    for (const text of ['null', '[]', '"x"', '']) {
      writeFileSync(file, text);
      expect(checkSettingsFile(file).state, text).toBe('damaged');
    }
  });
});
