import type { Migration } from './index';

/** The cached client list and its full-text index (name, identifier, description, remote id). */
export const migration0010: Migration = {
  version: 10,
  name: 'clients',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        connection_id TEXT NOT NULL,
        remote_id     TEXT NOT NULL,
        name          TEXT NOT NULL,
        identifier    TEXT,
        description   TEXT,
        status        TEXT NOT NULL,
        created_at    TEXT,
        updated_at    TEXT,
        extra_json    TEXT NOT NULL DEFAULT '{}',
        content_hash  TEXT NOT NULL,
        synced_at     TEXT NOT NULL,
        removed_at    TEXT,
        PRIMARY KEY (connection_id, remote_id)
      ) WITHOUT ROWID;
      CREATE INDEX clients_by_name ON clients (connection_id, name COLLATE NOCASE);
      CREATE TABLE clients_fts_map (
        rowid INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        UNIQUE (connection_id, remote_id)
      );
      CREATE VIRTUAL TABLE clients_fts USING fts5(
        name, identifier, description, remote_id,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
