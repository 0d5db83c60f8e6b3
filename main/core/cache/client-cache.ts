import type { ClientRecord } from '../../../shared/domain';
import type { CacheDb } from './database';
import { readDb, writeDb } from './handles';
import { createClientReads } from './clients/client-reads';
import type { ClientReads } from './clients/client-reads';
import { createClientWrites, FTS_DROP } from './clients/client-writes';

/** Reads for every handler; the few writes outside sync (fresh records after a user's write). */
export interface ClientCache {
  reads: ClientReads;
  /** Stores a record the server just returned (not part of a walk: does not mark it seen). */
  put(record: ClientRecord): void;
  setPdpInfo(connectionId: string, remoteId: string, info: { configured: boolean; encryptionMode: string | null }): void;
  /** Marks a client deleted on the server (a tombstone: kept out of lists and search, dropped by the next full sync). */
  markRemoved(connectionId: string, remoteId: string): void;
  /** Drops a connection's cached clients, sync state, outbox and key metadata (connection removed). */
  forget(connectionId: string): void;
}

export function createClientCache(db: CacheDb): ClientCache {
  const reads = createClientReads(readDb(db));
  const w = writeDb(db);
  const writes = createClientWrites(w);
  const forgetSync = w.write<[string]>('DELETE FROM sync_state WHERE connection_id = ?');
  const forgetPages = w.write<[string]>('DELETE FROM sync_walk_pages WHERE connection_id = ?');
  const forgetOutbox = w.write<[string]>('DELETE FROM outbox WHERE connection_id = ?');
  const forgetKeyMeta = w.write<[string]>('DELETE FROM client_keys WHERE connection_id = ?');
  // The text does not change, so it can leave the FTS index after the row is marked.
  const tombstone = w.write<[string, string, string], { id: number }>(
    'UPDATE clients SET removed_at = ? WHERE connection_id = ? AND remote_id = ? AND removed_at IS NULL RETURNING id',
  );
  const ftsDropOne = w.write<[number]>(`${FTS_DROP} WHERE id = ?`);
  return {
    reads,
    put: (record) => {
      writes.upsertPage(record.connectionId, [record], null, new Date().toISOString());
    },
    setPdpInfo: writes.setPdpInfo,
    markRemoved: (connectionId, remoteId) =>
      w.transaction(() => {
        for (const { id } of tombstone.all(new Date().toISOString(), connectionId, remoteId)) ftsDropOne.run(id);
      }),
    forget: (connectionId) =>
      w.transaction(() => {
        writes.forget(connectionId);
        forgetSync.run(connectionId);
        forgetPages.run(connectionId);
        forgetOutbox.run(connectionId);
        forgetKeyMeta.run(connectionId);
      }),
  };
}
