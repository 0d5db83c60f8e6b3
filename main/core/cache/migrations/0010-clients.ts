import type { Migration } from './index';

/**
 * The cached client list and its full-text index (name, identifier, description, remote id).
 * The FTS table is external-content over `clients` (no second copy of the text) and indexes live rows
 * only; triggers keep it in step with every insert, delete, text change and removal, so no write path
 * can forget it and a match count needs no join.
 * Sort indexes are partial (live rows only) and end with `id` so keyset pagination has a total order.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'clients',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        id             INTEGER PRIMARY KEY,
        connection_id  TEXT NOT NULL,
        remote_id      TEXT NOT NULL,
        name           TEXT NOT NULL,
        identifier     TEXT,
        description    TEXT,
        status         TEXT NOT NULL,
        created_at     TEXT,
        updated_at     TEXT,
        version        INTEGER,
        extra_json     TEXT NOT NULL DEFAULT '{}',
        pdp_configured INTEGER NOT NULL DEFAULT 0,
        encryption_mode TEXT,
        content_hash   TEXT NOT NULL,
        synced_at      TEXT NOT NULL,
        removed_at     TEXT,
        UNIQUE (connection_id, remote_id)
      );
      CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE, id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_conn_name ON clients (connection_id, name COLLATE NOCASE, id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_updated ON clients (ifnull(updated_at, ''), id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_status ON clients (status, name COLLATE NOCASE, id) WHERE removed_at IS NULL;

      CREATE VIRTUAL TABLE clients_fts USING fts5(
        name, identifier, description, remote_id,
        content = 'clients', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
      );
      CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients WHEN new.removed_at IS NULL BEGIN
        INSERT INTO clients_fts (rowid, name, identifier, description, remote_id)
        VALUES (new.id, new.name, new.identifier, new.description, new.remote_id);
      END;
      CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients WHEN old.removed_at IS NULL BEGIN
        INSERT INTO clients_fts (clients_fts, rowid, name, identifier, description, remote_id)
        VALUES ('delete', old.id, old.name, old.identifier, old.description, old.remote_id);
      END;
      CREATE TRIGGER clients_fts_update AFTER UPDATE OF name, identifier, description, remote_id, removed_at ON clients BEGIN
        INSERT INTO clients_fts (clients_fts, rowid, name, identifier, description, remote_id)
        SELECT 'delete', old.id, old.name, old.identifier, old.description, old.remote_id WHERE old.removed_at IS NULL;
        INSERT INTO clients_fts (rowid, name, identifier, description, remote_id)
        SELECT new.id, new.name, new.identifier, new.description, new.remote_id WHERE new.removed_at IS NULL;
      END;
    `);
  },
};
