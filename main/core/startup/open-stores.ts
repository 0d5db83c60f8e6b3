import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecoveryProblem, StartupNotice } from '../../../shared/schemas/recovery';
import { CACHE_FILE_NAME, STATE_FILE_NAME, StoreOpenError, isDamageError, openDatabase } from '../cache/database';
import type { CacheDb, OpenOptions } from '../cache/database';
import { moveAside, renameDatabase } from './move-aside';

/** The single database of versions before the cache and the state were split (both in one file). */
export const LEGACY_FILE_NAME = 'clientdesk.sqlite';

export type StoresResult = { ok: true; db: CacheDb; notices: StartupNotice[] } | { ok: false; problem: RecoveryProblem };

export interface StoreOptions extends Pick<OpenOptions, 'migrations' | 'stateMigrations' | 'backgroundCheckpoints'> {
  log: (line: string) => void;
}

function problem(file: RecoveryProblem['file'], path: string, failure: RecoveryProblem['failure'], detail: string): StoresResult {
  return { ok: false, problem: { file, path, failure, detail, canMoveAside: failure !== 'unavailable' } };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A full `quick_check` of a file whose loss cannot be repaired (the state, small). Nothing is written:
 * a garbage file fails at its header and is left exactly as it was. Returns null when the file is sound.
 */
function unsound(file: string): { failure: 'damaged' | 'unavailable'; detail: string } | null {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    const verdict = sqlite.pragma('quick_check', { simple: true });
    return verdict === 'ok' ? null : { failure: 'damaged', detail: String(verdict) };
  } catch (err) {
    return { failure: isDamageError(err) ? 'damaged' : 'unavailable', detail: message(err) };
  } finally {
    sqlite?.close();
  }
}

/**
 * Opens `cache.sqlite` with `state.sqlite` attached. The state is checked whole; the cache only as far as
 * reading its header and schema (a quick_check of a 100k cache costs 0.2–0.7 s at every start). A cache that
 * is damaged, whose migration fails or that a newer version wrote is moved aside and started afresh (notice);
 * anything wrong with the state, or with the single database of earlier versions, is left as it is and
 * reported, for the user to decide in recovery mode.
 */
export function openStores(dataDir: string, options: StoreOptions): StoresResult {
  const cacheFile = join(dataDir, CACHE_FILE_NAME);
  const stateFile = join(dataDir, STATE_FILE_NAME);
  const legacyFile = join(dataDir, LEGACY_FILE_NAME);
  const open = (file: string) =>
    openDatabase(file, {
      stateFile,
      log: options.log,
      ...(options.migrations ? { migrations: options.migrations } : {}),
      ...(options.stateMigrations ? { stateMigrations: options.stateMigrations } : {}),
      ...(options.backgroundCheckpoints ? { backgroundCheckpoints: true } : {}),
    });

  if (existsSync(stateFile)) {
    const bad = unsound(stateFile);
    if (bad) return problem('state', stateFile, bad.failure, bad.detail);
  }

  if (existsSync(legacyFile) && !existsSync(cacheFile)) {
    const bad = unsound(legacyFile);
    if (bad) return problem('legacy', legacyFile, bad.failure, bad.detail);
    try {
      open(legacyFile).close();
    } catch (err) {
      const store = err instanceof StoreOpenError && err.store === 'state' ? 'state' : 'legacy';
      return problem(store, store === 'state' ? stateFile : legacyFile, err instanceof StoreOpenError ? err.failure : 'unavailable', message(err));
    }
    // Its outbox, audit log and key journal are in state.sqlite now; what is left is the cache.
    renameDatabase(legacyFile, cacheFile);
    options.log(`moved the outbox, audit log and key journal from ${LEGACY_FILE_NAME} to ${STATE_FILE_NAME}; the rest is ${CACHE_FILE_NAME}`);
  }

  const notices: StartupNotice[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, db: open(cacheFile), notices };
    } catch (err) {
      if (!(err instanceof StoreOpenError)) return problem('cache', cacheFile, 'unavailable', message(err));
      if (err.store === 'state') return problem('state', stateFile, err.failure, err.message);
      if (err.failure === 'unavailable' || attempt > 0) return problem('cache', cacheFile, err.failure, err.message);
      const movedTo = moveAside(cacheFile);
      options.log(`cache ${err.failure} (${err.message}): moved to ${movedTo}, starting a fresh one`);
      notices.push({ kind: 'cache-rebuilt', file: 'cache', path: cacheFile, movedTo });
    }
  }
}
