import type { RecoveryProblem, StartupNotice } from '../../../shared/schemas/recovery';
import type { CacheDb } from '../cache/database';
import { checkSettingsFile, keepLastGood } from '../settings/settings-file';
import { confSource, isKeyValueStore } from '../settings/key-value-store';
import type { KeyValueStore, SettingsSource } from '../settings/key-value-store';
import { openStores } from './open-stores';
import type { StoreOptions } from './open-stores';

export interface LocalFiles {
  store: KeyValueStore;
  db: CacheDb;
  notices: StartupNotice[];
}

export type LocalFilesResult =
  | { ok: true; files: LocalFiles }
  /** `store` is the settings store when only a database is at fault (the window can keep its size). */
  | { ok: false; problem: RecoveryProblem; store: KeyValueStore | null };

export interface LocalFilesOptions extends StoreOptions {
  dataDir: string;
  /** A ready store is used as it is (tests); a source is checked before it is opened. Default: conf in dataDir. */
  settings?: KeyValueStore | SettingsSource;
}

export function settingsFilePath(options: Pick<LocalFilesOptions, 'dataDir' | 'settings'>): string {
  const settings = options.settings ?? confSource(options.dataDir);
  return isKeyValueStore(settings) ? settings.path : settings.file;
}

function openSettings(options: LocalFilesOptions): { store: KeyValueStore; notice: StartupNotice | null } | RecoveryProblem {
  const settings = options.settings ?? confSource(options.dataDir);
  if (isKeyValueStore(settings)) return { store: settings, notice: null };
  const fault = (failure: RecoveryProblem['failure'], detail: string): RecoveryProblem => ({
    file: 'settings',
    path: settings.file,
    failure,
    detail,
    canMoveAside: failure !== 'unavailable',
  });
  let notice: StartupNotice | null = null;
  try {
    const checked = checkSettingsFile(settings.file);
    if (checked.state === 'damaged') return fault('damaged', checked.detail);
    if (checked.state === 'restored') {
      options.log(`settings: ${settings.file} was damaged; moved to ${checked.movedTo}, restored from ${checked.lastGood}`);
      notice = { kind: 'settings-restored', file: 'settings', path: settings.file, movedTo: checked.movedTo };
    }
  } catch (err) {
    return fault('unavailable', err instanceof Error ? err.message : String(err));
  }
  try {
    return { store: keepLastGood(settings.open(), options.log), notice };
  } catch (err) {
    return fault('damaged', err instanceof Error ? err.message : String(err));
  }
}

/** Settings first (they hold the connections), then the two databases. */
export function openLocalFiles(options: LocalFilesOptions): LocalFilesResult {
  const settings = openSettings(options);
  if ('failure' in settings) return { ok: false, problem: settings, store: null };
  const stores = openStores(options.dataDir, options);
  if (!stores.ok) return { ok: false, problem: stores.problem, store: settings.store };
  const notices = settings.notice ? [settings.notice, ...stores.notices] : stores.notices;
  return { ok: true, files: { store: settings.store, db: stores.db, notices } };
}
