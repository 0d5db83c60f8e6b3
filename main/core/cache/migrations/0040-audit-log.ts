import type { Migration } from './index';

/** Append-only, hash-chained: hash = sha256(prev_hash + canonical entry). See audit/audit-log.ts. */
export const migration0040: Migration = {
  version: 40,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
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
      CREATE INDEX audit_by_connection ON audit_log (connection_id, id);
    `);
  },
};
