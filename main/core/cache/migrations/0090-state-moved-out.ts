import type Database from 'better-sqlite3';
import type { Migration } from './index';

/** The tables that moved to state.sqlite, parents before children. */
export const STATE_TABLES = ['outbox', 'audit_log', 'key_journal', 'rotation_jobs', 'rotation_job_items', 'client_keys'] as const;

function mainTables(db: Database.Database): Set<string> {
  const rows = db.prepare(`SELECT name FROM main.sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>;
  return new Set(rows.map((r) => r.name));
}

function columns(db: Database.Database, schema: string, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as Array<{ name: string }>).map((c) => c.name);
}

/**
 * The outbox, audit log, key journal, rotation jobs and key fingerprints leave the cache for state.sqlite
 * (attached as `state`), so the cache can be moved aside and rebuilt without losing them.
 *
 * Two transactions, because a commit over two WAL files is atomic in each file but not across them:
 * `before` copies the rows into state (writes state only; ids kept, so running it again adds nothing),
 * and only once that is committed does `up` drop the tables from the cache.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'state-moved-out',
  before(db) {
    const present = mainTables(db);
    for (const table of STATE_TABLES) {
      if (!present.has(table)) continue;
      const kept = columns(db, 'state', table);
      const list = columns(db, 'main', table).filter((c) => kept.includes(c)).map((c) => `"${c}"`).join(', ');
      db.exec(`INSERT OR IGNORE INTO state.${table} (${list}) SELECT ${list} FROM main.${table}`);
    }
  },
  up(db) {
    const present = mainTables(db);
    for (const table of [...STATE_TABLES].reverse()) {
      if (!present.has(table)) continue;
      const missing = db.prepare(`SELECT count(*) AS n FROM main.${table} EXCEPT SELECT count(*) FROM (SELECT * FROM main.${table} INTERSECT SELECT * FROM state.${table})`).get() as { n: number } | undefined;
      if (missing) throw new Error(`${table}: rows missing from state.sqlite, the cache keeps them`);
      db.exec(`DROP TABLE main.${table}`);
    }
  },
};
