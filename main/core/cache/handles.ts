import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { CacheDb } from './database';

type Params = unknown[];

/** A prepared statement that SQLite itself reports as read-only; it exposes no `run`. */
export interface ReadStatement<R, P extends Params = Params> {
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
}

export interface WriteStatement<P extends Params = Params, R = unknown> {
  run(...params: P): Database.RunResult;
  /** Runs the write and returns the rows of its RETURNING clause. */
  all(...params: P): R[];
}

declare const readBrand: unique symbol;
declare const writeBrand: unique symbol;

/** Handed to query modules on read paths: it can only prepare statements that do not modify the database. */
export interface ReadDb {
  readonly [readBrand]: true;
  read<R, P extends Params = Params>(sql: string): ReadStatement<R, P>;
}

/** Handed to write modules only: prepares writes and runs them in transactions. */
export interface WriteDb extends ReadDb {
  readonly [writeBrand]: true;
  write<P extends Params = Params, R = unknown>(sql: string): WriteStatement<P, R>;
  /** One transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
}

function prepareRead<R, P extends Params>(sqlite: Database.Database, sql: string): ReadStatement<R, P> {
  const stmt = sqlite.prepare(sql);
  // `readonly` is SQLite's own verdict (sqlite3_stmt_readonly), not a guess from the SQL text.
  if (!stmt.readonly) throw new AppError('INTERNAL', 'A write statement was prepared on a read path.');
  return {
    get: (...params: P) => stmt.get(...params) as R | undefined,
    all: (...params: P) => stmt.all(...params) as R[],
    iterate: (...params: P) => stmt.iterate(...params) as IterableIterator<R>,
  };
}

export function readDb(db: CacheDb): ReadDb {
  return { read: (sql: string) => prepareRead(db.sqlite, sql) } as ReadDb;
}

export function writeDb(db: CacheDb): WriteDb {
  return {
    read: (sql: string) => prepareRead(db.sqlite, sql),
    write: (sql: string) => {
      const stmt = db.sqlite.prepare(sql);
      return { run: (...params: unknown[]) => stmt.run(...params), all: (...params: unknown[]) => stmt.all(...params) };
    },
    transaction: db.transaction,
  } as unknown as WriteDb;
}
