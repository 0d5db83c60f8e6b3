import { nameKey } from '../clients/name-key';
import type { Migration } from './index';

/**
 * Names sort, and are prefix-searched, by a stored key (lower case, no accents: cache/clients/name-key.ts)
 * instead of `name COLLATE NOCASE`, which folds ASCII only. The three name indexes move to the key; the
 * client writes fill it for every row they write. Existing rows get theirs here, with the indexes dropped
 * while they are filled.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'name-key',
  up(db) {
    db.exec(`
      DROP INDEX clients_by_name;
      DROP INDEX clients_by_conn_name;
      DROP INDEX clients_by_status;
      ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    `);
    // A function of this connection only: no index or trigger names it, so any SQLite can still read the file.
    db.function('clientdesk_name_key', { deterministic: true }, (name: unknown) => nameKey(String(name)));
    db.exec('UPDATE clients SET name_key = clientdesk_name_key(name)');
    db.exec(`
      CREATE INDEX clients_by_name ON clients (name_key, id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_conn_name ON clients (connection_id, name_key, id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_status ON clients (status, name_key, id) WHERE removed_at IS NULL;
    `);
  },
};
