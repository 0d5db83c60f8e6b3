import type { Migration } from '../index';

/**
 * What the servers cannot give back, in `state.sqlite`: the outbox of unsent edits, the audit log, the key
 * rotation journal and bulk jobs, and the fingerprints of the local keys. Same columns and indexes as these
 * tables had in the single database (cache migrations 0030–0060), so rows move over as they are.
 */
export const stateMigration0010: Migration = {
  version: 10,
  name: 'state-tables',
  up(db) {
    db.exec(`
      CREATE TABLE state.outbox (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        connection_id   TEXT NOT NULL,
        remote_id       TEXT NOT NULL,
        action          TEXT NOT NULL,
        payload_json    TEXT NOT NULL,
        sealed_secret   TEXT,
        base_json       TEXT,
        base_hash       TEXT,
        base_updated_at TEXT,
        theirs_json     TEXT,
        state           TEXT NOT NULL DEFAULT 'queued',
        error_code      TEXT,
        error_message   TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
      CREATE INDEX state.outbox_by_connection ON outbox (connection_id, state, id);
      CREATE INDEX state.outbox_by_client ON outbox (connection_id, remote_id, state);

      CREATE TABLE state.audit_log (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        connection_id TEXT,
        client_id     TEXT,
        action        TEXT NOT NULL,
        outcome       TEXT NOT NULL,
        request_id    TEXT,
        summary       TEXT NOT NULL,
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL
      );
      CREATE INDEX state.audit_by_connection ON audit_log (connection_id, id);

      CREATE TABLE state.key_journal (
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
      CREATE INDEX state.key_journal_open ON key_journal (step) WHERE step IN ('pending', 'unknown');
      CREATE INDEX state.key_journal_by_client ON key_journal (connection_id, client_uid, id);
      CREATE TABLE state.rotation_jobs (
        id            TEXT PRIMARY KEY,
        connection_id TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'done')),
        concurrency   INTEGER NOT NULL,
        total         INTEGER NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        finished_at   TEXT
      );
      CREATE TABLE state.rotation_job_items (
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

      CREATE TABLE state.client_keys (
        connection_id TEXT NOT NULL,
        client_uid    TEXT NOT NULL,
        fingerprint   TEXT NOT NULL,
        created_at    TEXT,
        PRIMARY KEY (connection_id, client_uid)
      ) WITHOUT ROWID;
      CREATE INDEX state.client_keys_by_age ON client_keys (created_at);
    `);
  },
};
