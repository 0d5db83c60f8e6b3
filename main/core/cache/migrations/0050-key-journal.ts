import type { Migration } from './index';

/**
 * Key rotation journal (docs/architecture.md §5) and bulk rotation jobs.
 * Fingerprints only (first 16 hex of SHA-256): never a key.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'key-journal',
  up(db) {
    db.exec(`
      CREATE TABLE key_journal (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        connection_id   TEXT NOT NULL,
        client_uid      TEXT NOT NULL,
        operation       TEXT NOT NULL DEFAULT 'rotate',
        step            TEXT NOT NULL CHECK (step IN ('pending', 'committed', 'aborted', 'unknown')),
        old_fingerprint TEXT,
        new_fingerprint TEXT,
        job_id          TEXT,
        started_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        resolved_at     TEXT,
        error           TEXT
      );
      CREATE INDEX key_journal_open ON key_journal (step) WHERE step IN ('pending', 'unknown');
      CREATE INDEX key_journal_by_client ON key_journal (connection_id, client_uid, id);
      CREATE TABLE rotation_jobs (
        id            TEXT PRIMARY KEY,
        connection_id TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'done')),
        concurrency   INTEGER NOT NULL,
        total         INTEGER NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        finished_at   TEXT
      );
      CREATE TABLE rotation_job_items (
        job_id          TEXT NOT NULL REFERENCES rotation_jobs (id) ON DELETE CASCADE,
        client_uid      TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('queued', 'done', 'failed', 'unknown', 'cancelled')),
        old_fingerprint TEXT,
        new_fingerprint TEXT,
        error_code      TEXT,
        error           TEXT,
        updated_at      TEXT,
        PRIMARY KEY (job_id, client_uid)
      );
    `);
  },
};
