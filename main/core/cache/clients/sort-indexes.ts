import { openDatabase } from '../database';
import type { WriteDb } from '../handles';

export interface IndexDdl {
  name: string;
  sql: string;
}

let declared: IndexDdl[] | null = null;

/**
 * The secondary indexes the migrations declare on `clients` (the unique key aside), read from a database
 * opened (so migrated) in memory: the migrations stay the one place an index is declared, and an index dropped by a
 * process that died before creating it again can still be restored from here.
 */
export function declaredSortIndexes(): readonly IndexDdl[] {
  if (declared) return declared;
  const memory = openDatabase(':memory:');
  try {
    declared = memory.sqlite
      .prepare(`SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = 'clients' AND sql IS NOT NULL ORDER BY name`)
      .all() as IndexDdl[];
  } finally {
    memory.close();
  }
  return declared;
}

export interface SortIndexes {
  /** Drops the declared sort indexes that exist; returns how many. */
  drop(): number;
  /** Creates the declared sort indexes that are missing; returns how many. */
  restore(): number;
  /** How many declared sort indexes are missing. */
  missing(): number;
}

/**
 * The sort indexes of `clients` taken away for a large first sync and given back after it. Reads stay
 * correct without them (they sort instead of walking an index), only slower. DDL is prepared per call: it
 * runs twice a sync at most.
 */
export function createSortIndexes(db: WriteDb): SortIndexes {
  const present = db.read<{ name: string }, []>(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clients'`);
  const existing = () => new Set(present.all().map((r) => r.name));
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const missing = () => {
    const names = existing();
    return declaredSortIndexes().filter((index) => !names.has(index.name));
  };
  return {
    drop: () =>
      db.transaction(() => {
        const names = existing();
        const dropped = declaredSortIndexes().filter((index) => names.has(index.name));
        for (const index of dropped) db.write(`DROP INDEX ${quoted(index.name)}`).run();
        return dropped.length;
      }),
    restore: () =>
      db.transaction(() => {
        const absent = missing();
        for (const index of absent) db.write(index.sql).run();
        return absent.length;
      }),
    missing: () => missing().length,
  };
}
