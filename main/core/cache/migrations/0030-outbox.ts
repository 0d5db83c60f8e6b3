import type { Migration } from './index';

/**
 * Writes queued while a connection is unreachable, replayed in id order. `payload_json` never holds a
 * secret: a PDP client secret lives only in `sealed_secret` (AES-256-GCM envelope from the vault).
 * `base_*` is the record as the server last showed it, `theirs_json` the server's record on conflict.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
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
      CREATE INDEX outbox_by_connection ON outbox (connection_id, state, id);
      CREATE INDEX outbox_by_client ON outbox (connection_id, remote_id, state);
    `);
  },
};
