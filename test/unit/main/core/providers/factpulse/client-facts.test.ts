import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../../shared/domain';
import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import { createClientCache } from '../../../../../../main/core/cache/client-cache';
import type { ClientCache } from '../../../../../../main/core/cache/client-cache';
import { writeDb } from '../../../../../../main/core/cache/handles';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import type { ClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import type { CacheDb } from '../../../../../../main/core/cache/database';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { tempDb } from '../../cache/temp-db';

let db: CacheDb;
let cleanup: () => void;
let cache: ClientCache;
let writes: ClientWrites;
const NOW = '2025-06-01T00:00:00.000Z';

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  cache = createClientCache(db);
  writes = createClientWrites(writeDb(db));
});
afterEach(() => cleanup());

/** A generated client with the given id, name and `hasConfigPdp`. */
const client = (connectionId: string, remoteId: string, pdp: boolean, name = `Client ${remoteId}`): ClientRecord => ({
  ...(generateClients(connectionId, 1)[0] as ClientRecord),
  remoteId,
  name,
  extra: { hasConfigPdp: pdp },
});

/** The facts table as stored: remote id, PDP configured, mode. */
const stored = () =>
  db.sqlite
    .prepare(
      `SELECT c.connection_id AS conn, c.remote_id AS uid, f.pdp_configured AS pdp, f.encryption_mode AS mode
         FROM factpulse_client_facts f JOIN clients c ON c.id = f.client_id ORDER BY c.connection_id, c.remote_id`,
    )
    .all();
const facts = (conn: string, uid: string) => {
  const c = cache.reads.get(conn, uid);
  return c && { pdp: c.pdpConfigured, mode: c.encryptionMode, removed: c.removed };
};
const uids = (filter: { pdpConfigured?: boolean; doubleMode?: boolean }) =>
  cache.reads.window(clientWindowInputSchema.parse({ connectionIds: ['A'], ...filter, limit: 50 })).rows.map((r) => r.remoteId);

describe('FactPulse client facts: a table of their own, kept in step by the client writes', () => {
  it('a sync writes a row only for the clients the list shows with a PDP configuration', () => {
    writes.upsertPage('A', [client('A', 'a1', true), client('A', 'a2', false), client('A', 'a3', true)], 1, NOW);
    writes.upsertPage('B', [client('B', 'b1', false)], 1, NOW);
    expect(stored()).toEqual([
      { conn: 'A', uid: 'a1', pdp: 1, mode: null },
      { conn: 'A', uid: 'a3', pdp: 1, mode: null },
    ]);
    expect(facts('A', 'a2')).toEqual({ pdp: false, mode: null, removed: false });
    expect(facts('B', 'b1')).toEqual({ pdp: false, mode: null, removed: false });
  });

  it('a learned mode stays while the PDP configuration does, and goes with it', () => {
    writes.upsertPage('A', [client('A', 'a1', true), client('A', 'a2', true)], 1, NOW);
    writes.setPdpInfo('A', 'a1', { configured: true, encryptionMode: 'double' });
    writes.setPdpInfo('A', 'a2', { configured: true, encryptionMode: 'fernet' });
    writes.setPdpInfo('A', 'not-cached', { configured: true, encryptionMode: 'double' });
    // a1 renamed on the server (a changed row, still configured): its mode stays.
    expect(writes.upsertPage('A', [client('A', 'a1', true, 'Renamed'), client('A', 'a2', false)], 2, NOW).written).toBe(2);
    expect(facts('A', 'a1')).toEqual({ pdp: true, mode: 'double', removed: false });
    // a2's PDP configuration went away: so did its mode, and its row.
    expect(facts('A', 'a2')).toEqual({ pdp: false, mode: null, removed: false });
    expect(stored()).toEqual([{ conn: 'A', uid: 'a1', pdp: 1, mode: 'double' }]);
    // Configured again: configured, mode to learn.
    writes.upsertPage('A', [client('A', 'a2', true)], 3, NOW);
    expect(facts('A', 'a2')).toEqual({ pdp: true, mode: null, removed: false });
    // A PDP call that says "none" leaves no row.
    writes.setPdpInfo('A', 'a2', { configured: false, encryptionMode: null });
    expect(stored()).toEqual([{ conn: 'A', uid: 'a1', pdp: 1, mode: 'double' }]);
  });

  it('a tombstoned client keeps its facts out of sight and has them back when it returns; forget drops them', () => {
    writes.upsertPage('A', [client('A', 'a1', true), client('A', 'a2', true)], 1, NOW);
    writes.upsertPage('B', [client('B', 'b1', true)], 1, NOW);
    writes.setPdpInfo('A', 'a1', { configured: true, encryptionMode: 'double' });
    writes.setPdpInfo('B', 'b1', { configured: true, encryptionMode: 'double' });

    cache.markRemoved('A', 'a1');
    expect(facts('A', 'a1')).toEqual({ pdp: true, mode: 'double', removed: true });
    expect(uids({ doubleMode: true })).toEqual([]);
    expect(uids({ pdpConfigured: true })).toEqual(['a2']);
    expect(cache.reads.counts(['A'])).toMatchObject({ total: 1, pdpConfigured: 1, doubleMode: 0 });

    writes.upsertPage('A', [client('A', 'a1', true)], 2, NOW);
    expect(facts('A', 'a1')).toEqual({ pdp: true, mode: 'double', removed: false });
    expect(uids({ doubleMode: true })).toEqual(['a1']);

    cache.forget('A');
    expect(stored()).toEqual([{ conn: 'B', uid: 'b1', pdp: 1, mode: 'double' }]);
    expect(cache.reads.counts()).toMatchObject({ total: 1, pdpConfigured: 1, doubleMode: 1 });
  });
});
