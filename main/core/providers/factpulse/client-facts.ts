import type { ClientRecord } from '../../../../shared/domain';
import type { ReadDb, WriteDb } from '../../cache/handles';

/**
 * FactPulse's facts about a cached client, in a table of its own in cache.sqlite (`factpulse_client_facts`,
 * cache migration 0100): whether the client has a PDP configuration, and its encryption mode once learned
 * (the client list does not carry it: pdp-modes.ts learns it).
 *
 * Sparse: a client has a row only while one of the two is set, so a provider without PDP writes none and
 * a first sync writes a row for the configured clients only. No row means "not configured, mode unknown".
 * The row is keyed by the `clients` row id and deleted with it (ON DELETE CASCADE); a tombstoned client
 * keeps it, hidden with the client, so one that comes back keeps its learned mode.
 *
 * Reads that aggregate go from this (small) table to `clients` by rowid (CROSS JOIN fixes that order);
 * window filters test a row with a correlated lookup by rowid, so a window still walks its sort index.
 */
export const FACTS_TABLE = 'factpulse_client_facts';

/** Whether the client list says the client has a PDP configuration. */
export const pdpConfiguredIn = (record: ClientRecord): boolean => record.extra.hasConfigPdp === true;

const hasFact = (condition: string) => `EXISTS (SELECT 1 FROM ${FACTS_TABLE} fp WHERE fp.client_id = c.id AND ${condition})`;

/** Window filter on a `clients c` row: PDP configured (or not). */
export const pdpConfiguredSql = (configured: boolean): string => `${configured ? '' : 'NOT '}${hasFact('fp.pdp_configured = 1')}`;
/** Window filter on a `clients c` row: in double mode (or not: simple, unknown or no PDP). */
export const doubleModeSql = (double: boolean): string => `${double ? '' : 'NOT '}${hasFact("fp.encryption_mode = 'double'")}`;

/** For a read of `clients c`: the join and the columns `pdp_configured`, `encryption_mode` (null without a row). */
export const FACTS_JOIN = `LEFT JOIN ${FACTS_TABLE} fp ON fp.client_id = c.id`;
export const FACTS_COLUMNS = 'fp.pdp_configured AS pdp_configured, fp.encryption_mode AS encryption_mode';

/** Per connection, over its live clients. */
export interface FactCounts {
  connectionId: string;
  /** PDP configured. */
  configured: number;
  /** PDP configured and its encryption mode learned. */
  known: number;
  /** In double mode. */
  double: number;
}

type CountRow = { connection_id: string; configured: number; known: number; double_mode: number };

const countsSql = (where: string) => `
  SELECT c.connection_id AS connection_id, coalesce(sum(fp.pdp_configured = 1), 0) AS configured,
         coalesce(sum(fp.pdp_configured = 1 AND fp.encryption_mode IS NOT NULL), 0) AS known,
         coalesce(sum(fp.encryption_mode IS 'double'), 0) AS double_mode
    FROM ${FACTS_TABLE} fp CROSS JOIN clients c ON c.id = fp.client_id
   WHERE c.removed_at IS NULL ${where}
   GROUP BY c.connection_id`;

export interface ClientFactReads {
  /** Counts per connection that has any fact; every connection, or those listed. */
  counts(connectionIds?: readonly string[]): FactCounts[];
  /** Live clients of a connection whose PDP is configured and mode unknown, with an id past `afterId`, by id. */
  unknownModes(connectionId: string, afterId: number, limit: number): Array<{ id: number; remoteId: string }>;
}

export function createClientFactReads(db: ReadDb): ClientFactReads {
  const all = db.read<CountRow, []>(countsSql(''));
  const some = db.read<CountRow, [string]>(countsSql('AND c.connection_id IN (SELECT value FROM json_each(?))'));
  const unknown = db.read<{ id: number; remote_id: string }, [number, string, number]>(
    `SELECT c.id AS id, c.remote_id AS remote_id FROM ${FACTS_TABLE} fp CROSS JOIN clients c ON c.id = fp.client_id
      WHERE fp.client_id > ? AND fp.pdp_configured = 1 AND fp.encryption_mode IS NULL AND c.connection_id = ? AND c.removed_at IS NULL
      ORDER BY fp.client_id LIMIT ?`,
  );
  return {
    counts: (connectionIds) =>
      (connectionIds ? some.all(JSON.stringify(connectionIds)) : all.all()).map((r) => ({
        connectionId: r.connection_id,
        configured: r.configured,
        known: r.known,
        double: r.double_mode,
      })),
    unknownModes: (connectionId, afterId, limit) => unknown.all(afterId, connectionId, limit).map((r) => ({ id: r.id, remoteId: r.remote_id })),
  };
}

export interface PdpInfo {
  configured: boolean;
  encryptionMode: string | null;
}

export interface ClientFactWrites {
  /**
   * After an upsert of `written` (same transaction): a client the list shows with a PDP configuration is
   * marked configured and keeps a learned mode; one shown without loses both (the row goes), as a PDP
   * configuration that went away takes its mode with it. `knownId` gives the row id of a client that was
   * cached before the upsert (new rows cannot have facts yet).
   */
  afterUpsert(connectionId: string, written: readonly ClientRecord[], knownId: (remoteId: string) => number | undefined): void;
  /** What a PDP call answered for one cached client (nothing happens for a client not cached). */
  set(connectionId: string, remoteId: string, info: PdpInfo): void;
}

export function createClientFactWrites(db: WriteDb): ClientFactWrites {
  const markConfigured = db.write<[string, string]>(
    `INSERT INTO ${FACTS_TABLE} (client_id, pdp_configured)
       SELECT id, 1 FROM clients WHERE connection_id = ? AND remote_id IN (SELECT value FROM json_each(?))
       ON CONFLICT (client_id) DO UPDATE SET pdp_configured = 1`,
  );
  const dropIds = db.write<[string]>(`DELETE FROM ${FACTS_TABLE} WHERE client_id IN (SELECT value FROM json_each(?))`);
  const setOne = db.write<[number, string | null, string, string]>(
    `INSERT INTO ${FACTS_TABLE} (client_id, pdp_configured, encryption_mode)
       SELECT id, ?, ? FROM clients WHERE connection_id = ? AND remote_id = ?
       ON CONFLICT (client_id) DO UPDATE SET pdp_configured = excluded.pdp_configured, encryption_mode = excluded.encryption_mode`,
  );
  const dropOne = db.write<[string, string]>(`DELETE FROM ${FACTS_TABLE} WHERE client_id IN (SELECT id FROM clients WHERE connection_id = ? AND remote_id = ?)`);

  return {
    afterUpsert(connectionId, written, knownId) {
      const configured: string[] = [];
      const cleared: number[] = [];
      for (const record of written) {
        if (pdpConfiguredIn(record)) configured.push(record.remoteId);
        else {
          const id = knownId(record.remoteId);
          if (id !== undefined) cleared.push(id);
        }
      }
      if (configured.length) markConfigured.run(connectionId, JSON.stringify(configured));
      if (cleared.length) dropIds.run(JSON.stringify(cleared));
    },
    set(connectionId, remoteId, info) {
      if (info.configured || info.encryptionMode !== null) setOne.run(info.configured ? 1 : 0, info.encryptionMode, connectionId, remoteId);
      else dropOne.run(connectionId, remoteId);
    },
  };
}
