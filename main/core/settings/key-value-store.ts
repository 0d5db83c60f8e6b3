import { join } from 'node:path';
import Conf from 'conf';

/** The part of electron-store / conf the core uses; electron-store extends conf, so both fit. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

/**
 * A settings file and how to open a store over it: the file is checked (and restored from its last-good
 * copy) before the store reads it, since electron-store and conf throw on a damaged file.
 */
export interface SettingsSource {
  readonly file: string;
  open(): KeyValueStore;
}

export function isKeyValueStore(value: KeyValueStore | SettingsSource): value is KeyValueStore {
  return typeof (value as KeyValueStore).get === 'function';
}

/** Plain-Node settings file (`settings.json` in the data dir). In Electron, main/index.ts passes electron-store. */
export function confSource(dataDir: string): SettingsSource {
  return { file: join(dataDir, 'settings.json'), open: () => createConfStore(dataDir) };
}

export function createConfStore(dataDir: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'clientdesk',
    clearInvalidConfig: false,
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    get path() {
      return conf.path;
    },
  };
}

/** For unit tests that do not care about the file. */
export function createMemoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return {
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => void data.set(key, structuredClone(value)),
    path: ':memory:',
  };
}
