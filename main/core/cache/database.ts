import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations';
import { FOREGROUND_AUTOCHECKPOINT_PAGES, startBackgroundCheckpoints } from './background-checkpoints';

export interface CacheDb {
  readonly file: string;
  readonly sqlite: Database.Database;
  /** PRAGMA user_version: the last migration applied. */
  version(): number;
  /** Runs fn in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  /** With background checkpoints: resolves true once a worker checkpoints instead of the main thread. */
  checkpointsReady: Promise<boolean>;
  close(): void;
}

export interface OpenOptions {
  /** Apply migrations only up to this version (tests step through versions). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /** Checkpoint the WAL from a worker thread (the app); off by default so tests open plain connections. */
  backgroundCheckpoints?: boolean;
  log?: (line: string) => void;
}

export function openDatabase(file: string, options: OpenOptions = {}): CacheDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache and in-memory temp b-trees: the sort indexes and FTS segments of a 100k cache stay hot.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // A sync commits one or two pages per transaction, each touching pages all over the sort and FTS indexes; a
  // checkpoint (two fsyncs) every 1,000 WAL pages cost half a 10k sync. Checkpoint every ~40 MiB instead,
  // and cut the WAL file back to 64 MiB after; the app moves checkpoints to a worker altogether.
  sqlite.pragma(`wal_autocheckpoint = ${FOREGROUND_AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma('journal_size_limit = 67108864');
  try {
    migrate(sqlite, options.migrations ?? MIGRATIONS, options.targetVersion);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const checkpoints = options.backgroundCheckpoints && file !== ':memory:' ? startBackgroundCheckpoints(sqlite, file, options.log) : null;
  return {
    file,
    sqlite,
    version: () => currentVersion(sqlite),
    transaction: (fn) => sqlite.transaction(fn)(),
    checkpointsReady: checkpoints?.ready ?? Promise.resolve(false),
    close: () => {
      if (checkpoints && sqlite.open) {
        checkpoints.stop();
        // Leave a short WAL behind: the worker's connection may outlive this one, so this close is not the last.
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      }
      if (sqlite.open) sqlite.close();
    },
  };
}

function currentVersion(sqlite: Database.Database): number {
  return Number(sqlite.pragma('user_version', { simple: true }));
}

/** Applies each pending migration in its own transaction, bumping user_version inside it. */
export function migrate(sqlite: Database.Database, migrations: readonly Migration[], target?: number): number {
  const from = currentVersion(sqlite);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new AppError('INTERNAL', `The local cache was written by a newer Clientdesk (schema ${from}, this version knows ${latest}).`);
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    if (target !== undefined && migration.version > target) break;
    sqlite.transaction(() => {
      migration.up(sqlite);
      sqlite.pragma(`user_version = ${migration.version}`);
    })();
  }
  return currentVersion(sqlite);
}
