import { sortKeyOfNameKey } from '../clients/sort-key';
import type { Migration } from './index';

/**
 * Names sort in natural order ("Agence 2" < "Agence 10" < "Agence 167" < "Agence 1047") by a key of their
 * own (cache/clients/sort-key.ts): the name key cannot do both, since "agence 1" must stay one range of it
 * for a prefix search. The sort indexes move to the new key; `clients_by_name` stays on the name key for
 * those prefixes. Existing rows get their key here, with the indexes dropped while it is filled.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'natural-sort-key',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS clients_by_conn_name;
      DROP INDEX IF EXISTS clients_by_status;
      DROP INDEX IF EXISTS clients_by_name;
      ALTER TABLE clients ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
    `);
    // A function of this connection only: no index or trigger names it, so any SQLite can still read the file.
    db.function('clientdesk_sort_key', { deterministic: true }, (key: unknown) => sortKeyOfNameKey(String(key)));
    db.exec('UPDATE clients SET sort_key = clientdesk_sort_key(name_key)');
    db.exec(`
      CREATE INDEX clients_by_name ON clients (name_key, id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_sort ON clients (sort_key, id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_conn_sort ON clients (connection_id, sort_key, id) WHERE removed_at IS NULL;
      CREATE INDEX clients_by_status ON clients (status, sort_key, id) WHERE removed_at IS NULL;
    `);
  },
};
