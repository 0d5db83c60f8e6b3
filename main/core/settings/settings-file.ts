import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { moveAside } from '../startup/move-aside';
import { writeFileAtomic } from './atomic-file';
import type { KeyValueStore } from './key-value-store';

/** `settings.json` → `settings.last-good.json`: the last content of the settings file known to be whole. */
export function lastGoodPath(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.last-good${ext}`);
}

/** The settings as text if the file holds a JSON object; null if it is damaged (truncated, garbage, not an object). */
function readWhole(file: string): string | null {
  const text = readFileSync(file, 'utf8');
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? text : null;
  } catch {
    return null;
  }
}

export type SettingsFileCheck =
  | { state: 'ok' }
  | { state: 'restored'; movedTo: string; lastGood: string }
  | { state: 'damaged'; detail: string };

/**
 * Run before the settings store reads the file. A whole file becomes the last-good copy; a damaged one is
 * moved aside and replaced by the last-good copy when there is one, otherwise reported (nothing is changed).
 * A missing file is a first start.
 */
export function checkSettingsFile(file: string): SettingsFileCheck {
  if (!existsSync(file)) return { state: 'ok' };
  const whole = readWhole(file);
  const lastGood = lastGoodPath(file);
  if (whole !== null) {
    const previous = existsSync(lastGood) ? readFileSync(lastGood, 'utf8') : null;
    if (previous !== whole) writeFileAtomic(lastGood, whole);
    return { state: 'ok' };
  }
  const saved = existsSync(lastGood) ? readWhole(lastGood) : null;
  if (saved === null) {
    return { state: 'damaged', detail: `${basename(file)} is not a readable JSON object and there is no whole last-good copy to restore.` };
  }
  const movedTo = moveAside(file);
  writeFileAtomic(file, saved);
  return { state: 'restored', movedTo, lastGood };
}

/** After every write the store made (atomically, through conf/electron-store), the file is copied to last-good. */
export function keepLastGood(store: KeyValueStore, log: (line: string) => void): KeyValueStore {
  const lastGood = lastGoodPath(store.path);
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      store.set(key, value);
      try {
        const whole = readWhole(store.path);
        if (whole !== null) writeFileAtomic(lastGood, whole);
      } catch (err) {
        log(`settings: could not update the last-good copy: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    get path() {
      return store.path;
    },
  };
}
