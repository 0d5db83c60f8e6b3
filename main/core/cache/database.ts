import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { MIGRATIONS, STATE_MIGRATIONS } from './migrations';
import type { Migration } from './migrations';
import { FOREGROUND_AUTOCHECKPOINT_PAGES, startBackgroundCheckpoints } from './background-checkpoints';

export const CACHE_FILE_NAME = 'cache.sqlite';
export const STATE_FILE_NAME = 'state.sqlite';

/**
 * One connection over two files: the rebuildable cache (clients, search index, sync state) as `main`, and
 * what cannot be rebuilt (outbox, audit log, key journal and jobs, key fingerprints) attached as `state`.
 * Table names are unique across both, so statements name tables without a schema and may join across.
 */
export interface CacheDb {
  readonly file: string;
  readonly stateFile: string;
  readonly sqlite: Database.Database;
  /** PRAGMA main.user_version: the last cache migration applied. */
  version(): number;
  /** PRAGMA state.user_version: the last state migration applied. */
  stateVersion(): number;
  /** Runs fn in one transaction (nested calls become savepoints). Atomic in each file, not across a power cut. */
  transaction<T>(fn: () => T): T;
  /** With background checkpoints: resolves true once a worker checkpoints instead of the main thread. */
  checkpointsReady: Promise<boolean>;
  close(): void;
}

export interface OpenOptions {
  /** Apply cache migrations only up to this version (tests step through versions). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  stateMigrations?: readonly Migration[];
  /** Default: state.sqlite beside the cache file (`:memory:` for a memory cache). */
  stateFile?: string;
  /** Checkpoint the WAL from a worker thread (the app); off by default so tests open plain connections. */
  backgroundCheckpoints?: boolean;
  log?: (line: string) => void;
}

export type StoreName = 'cache' | 'state';
export type StoreFailure = 'damaged' | 'migration-failed' | 'newer-version' | 'unavailable';

/** Which file could not be opened, and why: what startup needs to choose between rebuilding and asking the user. */
export class StoreOpenError extends AppError {
  constructor(
    readonly store: StoreName,
    readonly failure: StoreFailure,
    message: string,
  ) {
    super('INTERNAL', message, { store, failure });
    this.name = 'StoreOpenError';
  }
}

/** SQLite's verdict on a file it cannot read as a database, as opposed to one it cannot reach (locks, rights, disk). */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

function failure(store: StoreName, err: unknown): StoreOpenError {
  if (err instanceof StoreOpenError) return err;
  const text = err instanceof Error ? err.message : String(err);
  return new StoreOpenError(store, isDamageError(err) ? 'damaged' : 'unavailable', text);
}

export function openDatabase(file: string, options: OpenOptions = {}): CacheDb {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const stateFile = options.stateFile ?? (memory ? ':memory:' : join(dirname(file), STATE_FILE_NAME));
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (err) {
    throw failure('cache', err);
  }
  try {
    configureCache(sqlite);
    attachState(sqlite, stateFile);
    migrate(sqlite, options.stateMigrations ?? STATE_MIGRATIONS, undefined, 'state');
    migrate(sqlite, options.migrations ?? MIGRATIONS, options.targetVersion, 'main');
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const files = memory ? [] : stateFile === ':memory:' ? [file] : [file, stateFile];
  const checkpoints = options.backgroundCheckpoints && files.length > 0 ? startBackgroundCheckpoints(sqlite, files, options.log) : null;
  return {
    file,
    stateFile,
    sqlite,
    version: () => currentVersion(sqlite, 'main'),
    stateVersion: () => currentVersion(sqlite, 'state'),
    transaction: (fn) => sqlite.transaction(fn)(),
    checkpointsReady: checkpoints?.ready ?? Promise.resolve(false),
    close: () => {
      if (checkpoints && sqlite.open) {
        checkpoints.stop();
        // Leave short WALs behind: the worker's connections may outlive this one, so this close is not the last.
        sqlite.pragma('main.wal_checkpoint(TRUNCATE)');
        sqlite.pragma('state.wal_checkpoint(TRUNCATE)');
      }
      if (sqlite.open) sqlite.close();
    },
  };
}

function configureCache(sqlite: Database.Database): void {
  try {
    // The first read of the file: a zeroed header or garbage fails here (SQLITE_NOTADB).
    sqlite.pragma('main.journal_mode = WAL');
    sqlite.prepare('SELECT count(*) FROM main.sqlite_schema').get();
  } catch (err) {
    throw failure('cache', err);
  }
  sqlite.pragma('main.synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache and in-memory temp b-trees: the sort indexes and FTS segments of a 100k cache stay hot.
  sqlite.pragma('main.cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // A sync commits one or two pages per transaction, each touching pages all over the sort and FTS indexes; a
  // checkpoint (two fsyncs) every 1,000 WAL pages cost half a 10k sync. Checkpoint every ~40 MiB instead,
  // and cut the WAL file back to 64 MiB after; the app moves checkpoints to a worker altogether.
  sqlite.pragma(`wal_autocheckpoint = ${FOREGROUND_AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma('main.journal_size_limit = 67108864');
}

/** The state file is small and precious: every commit is on disk before it returns (WAL fsynced). */
function attachState(sqlite: Database.Database, stateFile: string): void {
  try {
    if (stateFile !== ':memory:') mkdirSync(dirname(stateFile), { recursive: true });
    sqlite.prepare('ATTACH DATABASE ? AS state').run(stateFile);
    sqlite.pragma('state.journal_mode = WAL');
    sqlite.prepare('SELECT count(*) FROM state.sqlite_schema').get();
    sqlite.pragma('state.synchronous = FULL');
    sqlite.pragma('state.journal_size_limit = 4194304');
  } catch (err) {
    throw failure('state', err);
  }
}

function currentVersion(sqlite: Database.Database, schema: 'main' | 'state'): number {
  return Number(sqlite.pragma(`${schema}.user_version`, { simple: true }));
}

/** Applies each pending migration in its own transaction, bumping the schema's user_version inside it. */
export function migrate(sqlite: Database.Database, migrations: readonly Migration[], target?: number, schema: 'main' | 'state' = 'main'): number {
  const store: StoreName = schema === 'main' ? 'cache' : 'state';
  let from: number;
  try {
    from = currentVersion(sqlite, schema);
  } catch (err) {
    throw failure(store, err);
  }
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    const what = store === 'cache' ? 'local cache' : 'local state (outbox, audit log, key journal)';
    throw new StoreOpenError(store, 'newer-version', `The ${what} was written by a newer Clientdesk (schema ${from}, this version knows ${latest}).`);
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    if (target !== undefined && migration.version > target) break;
    try {
      if (migration.before) sqlite.transaction(() => migration.before?.(sqlite))();
      sqlite.transaction(() => {
        migration.up(sqlite);
        sqlite.pragma(`${schema}.user_version = ${migration.version}`);
      })();
    } catch (err) {
      if (isDamageError(err)) throw failure(store, err);
      const text = err instanceof Error ? err.message : String(err);
      throw new StoreOpenError(store, 'migration-failed', `Migration ${migration.version} (${migration.name}) of the ${store} failed: ${text}`);
    }
  }
  return currentVersion(sqlite, schema);
}
