import type { Migration } from './index';

/**
 * What the Clients list needs to filter on a client's double-mode key: its fingerprint and creation date
 * (neither is secret). The key itself stays in the keychain; the key service keeps this table in step
 * (writes to the `current` slot, clears, and a reconcile against the keychain listing).
 * Keys are few beside clients, so the filter starts from this table (by age: client_keys_by_age) and
 * reaches each client through clients' (connection_id, remote_id) unique index.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'client-keys',
  up(db) {
    db.exec(`
      CREATE TABLE client_keys (
        connection_id TEXT NOT NULL,
        client_uid    TEXT NOT NULL,
        fingerprint   TEXT NOT NULL,
        created_at    TEXT,
        PRIMARY KEY (connection_id, client_uid)
      ) WITHOUT ROWID;
      CREATE INDEX client_keys_by_age ON client_keys (created_at);
    `);
  },
};
