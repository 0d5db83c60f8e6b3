import type { Migration } from '../index';

/**
 * The directory's own state: its connections' client certificates (public PEM only; the private key and its
 * passphrase live in the keychain) with when the user last authenticated them, and the history of rebuild
 * requests (the directory answers 201 with no content, so this history is the only record of what was asked).
 */
export const stateMigration0020: Migration = {
  version: 20,
  name: 'directory',
  up(db) {
    db.exec(`
      CREATE TABLE state.directory_credentials (
        connection_id     TEXT PRIMARY KEY,
        certificate_pem   TEXT,
        ca_pem            TEXT,
        imported_at       TEXT,
        authenticated_at  TEXT
      ) WITHOUT ROWID;

      CREATE TABLE state.directory_rebuilds (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        connection_id  TEXT NOT NULL,
        started_at     TEXT NOT NULL,
        filters_json   TEXT NOT NULL,
        incremental    INTEGER NOT NULL DEFAULT 0,
        outcome        TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
        interaction_id TEXT,
        duration_ms    INTEGER NOT NULL,
        attempts       INTEGER NOT NULL,
        error_code     TEXT,
        error_message  TEXT,
        errors_json    TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX state.directory_rebuilds_by_connection ON directory_rebuilds (connection_id, id);
      CREATE INDEX state.directory_rebuilds_ok ON directory_rebuilds (connection_id, started_at) WHERE outcome = 'ok';
    `);
  },
};
