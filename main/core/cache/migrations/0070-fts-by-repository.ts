import type { Migration } from './index';

/**
 * The client writes keep the full-text index in step themselves, with one set-based statement per page
 * (drop the old text of the rows a page changes, index the new), instead of row triggers: a trigger made
 * every write statement flush FTS5's pending data, so a page had to be one statement and a 100k write
 * paid for JSON-decoding each row. See cache/clients/client-writes.ts, the only writer of `clients`.
 *
 * The index is rebuilt with one prefix index (two characters) instead of three (2, 3, 4): a two-letter
 * query is the one whose terms are too many to merge quickly, longer prefixes are served from the main
 * index at the same speed, and every prefix index costs as much to write as the main one.
 * `columnsize = 0`: nothing ranks by column length (relevance is by tiers), so the per-row sizes go.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'fts-by-repository',
  up(db) {
    db.exec(`
      DROP TRIGGER clients_fts_insert;
      DROP TRIGGER clients_fts_delete;
      DROP TRIGGER clients_fts_update;
      DROP TABLE clients_fts;
      CREATE VIRTUAL TABLE clients_fts USING fts5(
        name, identifier, description, remote_id,
        content = 'clients', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2',
        columnsize = 0
      );
      INSERT INTO clients_fts (rowid, name, identifier, description, remote_id)
        SELECT id, name, identifier, description, remote_id FROM clients WHERE removed_at IS NULL;
    `);
  },
};
