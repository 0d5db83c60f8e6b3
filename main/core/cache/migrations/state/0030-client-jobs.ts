import type { Migration } from '../index';

/**
 * Bulk activate / deactivate jobs and their clients, so a job cut short (cancel, quit, crash) can be resumed
 * and its per-client results read later. The client's name is kept as it was when the job started: the results
 * still say whom they are about if the client later leaves the cache.
 */
export const stateMigration0030: Migration = {
  version: 30,
  name: 'client-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE state.client_jobs (
        id          TEXT PRIMARY KEY,
        action      TEXT NOT NULL CHECK (action IN ('activate', 'deactivate')),
        state       TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'done')),
        total       INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE TABLE state.client_job_items (
        job_id        TEXT NOT NULL REFERENCES client_jobs (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        connection_id TEXT NOT NULL,
        remote_id     TEXT NOT NULL,
        name          TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('waiting', 'done', 'queued', 'failed', 'cancelled')),
        error_code    TEXT,
        error         TEXT,
        updated_at    TEXT,
        PRIMARY KEY (job_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX state.client_job_items_by_state ON client_job_items (job_id, state, seq);
    `);
  },
};
