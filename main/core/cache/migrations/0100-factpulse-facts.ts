import type { Migration } from './index';

/**
 * `clients` keeps what every provider has; FactPulse's two facts about a client (PDP configured, encryption
 * mode) move to a table FactPulse owns (providers/factpulse/client-facts.ts), one row per client that has
 * either, keyed by the client's row id and deleted with it. Tombstoned rows keep theirs, as before.
 *
 * The copy is checked row for row before the columns are dropped: a fact missing from the new table fails
 * the migration (rolled back whole) rather than being lost. No index, trigger or view names the two
 * columns, so `DROP COLUMN` applies (it rewrites the table once per column: about a second for 100k rows).
 */
export const migration0100: Migration = {
  version: 100,
  name: 'factpulse-facts',
  up(db) {
    db.exec(`
      CREATE TABLE factpulse_client_facts (
        client_id       INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
        pdp_configured  INTEGER NOT NULL DEFAULT 0,
        encryption_mode TEXT
      );
      INSERT INTO factpulse_client_facts (client_id, pdp_configured, encryption_mode)
        SELECT id, pdp_configured, encryption_mode FROM clients WHERE pdp_configured <> 0 OR encryption_mode IS NOT NULL;
    `);
    const missing = db
      .prepare(
        `SELECT count(*) AS n FROM clients c
          WHERE (c.pdp_configured <> 0 OR c.encryption_mode IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM factpulse_client_facts f
                             WHERE f.client_id = c.id AND f.pdp_configured IS c.pdp_configured AND f.encryption_mode IS c.encryption_mode)`,
      )
      .get() as { n: number };
    if (missing.n > 0) throw new Error(`${missing.n} client facts did not reach factpulse_client_facts; the cache keeps them`);
    db.exec(`
      ALTER TABLE clients DROP COLUMN pdp_configured;
      ALTER TABLE clients DROP COLUMN encryption_mode;
    `);
  },
};
