import type { Migration } from './index';

/**
 * Per-connection sync bookkeeping. A walk has an id; each committed page is recorded with the page's
 * rows (same transaction), and each row seen by the walk carries `seen_walk`, so a walk interrupted at
 * any point resumes where it stopped and only a complete walk marks unseen rows as removed.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'sync-state',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN seen_walk INTEGER;
      CREATE TABLE sync_state (
        connection_id     TEXT PRIMARY KEY,
        walk_id           INTEGER,
        walk_started_at   TEXT,
        walk_page_size    INTEGER,
        walk_total        INTEGER,
        last_started_at   TEXT,
        last_completed_at TEXT,
        last_error_code   TEXT,
        last_error_message TEXT,
        last_rows_written INTEGER NOT NULL DEFAULT 0,
        last_removed      INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE TABLE sync_walk_pages (
        connection_id TEXT NOT NULL,
        walk_id       INTEGER NOT NULL,
        page          INTEGER NOT NULL,
        rows          INTEGER NOT NULL,
        PRIMARY KEY (connection_id, walk_id, page)
      ) WITHOUT ROWID;
    `);
  },
};
