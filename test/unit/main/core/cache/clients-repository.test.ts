import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../shared/domain';
import { clientWindowInputSchema, HIGHLIGHT_END, HIGHLIGHT_START } from '../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../shared/schemas/cache';
import { readDb, writeDb } from '../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../main/core/cache/clients/client-reads';
import type { ClientReads } from '../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../main/core/cache/clients/client-writes';
import type { ClientWrites } from '../../../../../main/core/cache/clients/client-writes';
import { ftsMatchExpression } from '../../../../../main/core/cache/clients/fts-query';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { generateClients } from '../../../../fixtures/cache/generate-clients';
import { tempDb } from './temp-db';

let db: CacheDb;
let cleanup: () => void;
let reads: ClientReads;
let writes: ClientWrites;
const NOW = '2025-06-01T00:00:00.000Z';

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  reads = createClientReads(readDb(db));
  writes = createClientWrites(writeDb(db));
});
afterEach(() => cleanup());

const win = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse(input));

function client(remoteId: string, name: string, over: Partial<ClientRecord> = {}): ClientRecord {
  return {
    connectionId: 'A',
    remoteId,
    name,
    identifier: null,
    description: null,
    status: 'active',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    extra: { hasConfigPdp: false },
    ...over,
  };
}

describe('clients repository: writes', () => {
  it('upserts a page, then skips unchanged rows by content hash and counts only changed ones', () => {
    const page = generateClients('A', 100);
    expect(writes.upsertPage('A', page, 1, NOW)).toEqual({ written: 100, seen: 100 });
    expect(writes.upsertPage('A', page, 2, NOW)).toEqual({ written: 0, seen: 100 });
    const changed = page.map((r, i) => (i < 3 ? { ...r, name: `${r.name} (renamed)`, updatedAt: NOW } : r));
    expect(writes.upsertPage('A', changed, 3, NOW).written).toBe(3);
    expect(win({ query: 'renamed', limit: 10 }).total).toBe(3);
  });

  it('stores the right hash for changed and new rows written in one page, across statement boundaries', () => {
    const first = generateClients('A', 150);
    writes.upsertPage('A', first, 1, NOW);
    // 147 unchanged, 3 changed (hashed to compare) and 60 new (hashed while bound): 2 full statements and a rest.
    const changed = first.map((r, i) => (i % 50 === 7 ? { ...r, description: `moved ${i}` } : r));
    const next = [...changed, ...generateClients('A', 210).slice(150)];
    expect(writes.upsertPage('A', next, 2, NOW)).toEqual({ written: 63, seen: 210 });
    expect(writes.upsertPage('A', next, 3, NOW)).toEqual({ written: 0, seen: 210 });
    expect(win({ query: 'moved', limit: 10 }).total).toBe(3);
    expect(win({}).total).toBe(210);
  });

  it('marks as removed only rows the given walk did not see, and revives them when seen again', () => {
    const rows = generateClients('A', 10);
    writes.upsertPage('A', rows, 1, NOW);
    writes.upsertPage('A', rows.slice(0, 7), 2, NOW);
    expect(writes.markUnseenRemoved('A', 2, NOW)).toBe(3);
    expect(win({}).total).toBe(7);
    expect(reads.get('A', rows[9]?.remoteId ?? '')?.removed).toBe(true);
    // a removed row leaves the search index too
    expect(win({ query: rows[9]?.name ?? '' }).total).toBe(0);
    expect(writes.upsertPage('A', rows, 3, NOW).written).toBe(3);
    expect(win({}).total).toBe(10);
    expect(win({ query: rows[9]?.name ?? '' }).total).toBe(1);
  });

  it('keeps connections apart and forgets one without touching the other', () => {
    writes.upsertPage('A', generateClients('A', 5), 1, NOW);
    writes.upsertPage('B', generateClients('B', 4, 99, 1000), 1, NOW);
    expect(win({ connectionIds: ['A'] }).total).toBe(5);
    expect(win({ connectionIds: ['A', 'B'] }).total).toBe(9);
    writes.forget('A');
    expect(win({}).total).toBe(4);
    expect(reads.counts().byConnection.map((c) => c.connectionId)).toEqual(['B']);
  });
});

describe('clients repository: windows', () => {
  beforeEach(() => {
    const rows = [
      client('1', 'bravo', { status: 'inactive', updatedAt: '2025-03-01T00:00:00Z' }),
      client('2', 'Alpha', { updatedAt: '2025-01-01T00:00:00Z', extra: { hasConfigPdp: true } }),
      client('3', 'charlie', { updatedAt: '2025-02-01T00:00:00Z' }),
      client('4', 'Delta', { status: 'inactive', updatedAt: null }),
      client('5', 'echo', { updatedAt: '2025-05-01T00:00:00Z', extra: { hasConfigPdp: true } }),
    ];
    writes.upsertPage('A', rows, 1, NOW);
    writes.setPdpInfo('A', '5', { configured: true, encryptionMode: 'double' });
  });

  const names = (input: ClientWindowInput) => win(input).rows.map((r) => r.name);

  it('sorts by name (case-insensitive), updatedAt and status, both directions', () => {
    expect(names({})).toEqual(['Alpha', 'bravo', 'charlie', 'Delta', 'echo']);
    expect(names({ direction: 'desc' })).toEqual(['echo', 'Delta', 'charlie', 'bravo', 'Alpha']);
    expect(names({ sort: 'updatedAt' })).toEqual(['Delta', 'Alpha', 'charlie', 'bravo', 'echo']);
    expect(names({ sort: 'status' })).toEqual(['Alpha', 'charlie', 'echo', 'bravo', 'Delta']);
  });

  it('filters by status, PDP configured and double mode', () => {
    expect(names({ status: ['inactive'] })).toEqual(['bravo', 'Delta']);
    expect(names({ pdpConfigured: true })).toEqual(['Alpha', 'echo']);
    expect(names({ doubleMode: true })).toEqual(['echo']);
    expect(names({ doubleMode: false, status: ['active'] })).toEqual(['Alpha', 'charlie']);
    expect(win({ status: ['inactive'] }).total).toBe(2);
  });

  it('pages with offset and with cursors, giving the same rows', () => {
    for (const sort of ['name', 'updatedAt', 'status'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const all = names({ sort, direction });
        const first = win({ sort, direction, limit: 2 });
        const second = win({ sort, direction, limit: 2, cursor: first.nextCursor ?? '' });
        const third = win({ sort, direction, limit: 2, cursor: second.nextCursor ?? '' });
        expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.name)).toEqual(all);
        expect(names({ sort, direction, offset: 2, limit: 2 })).toEqual(all.slice(2, 4));
      }
    }
  });

  it('refuses a forged cursor with VALIDATION', () => {
    expect(() => win({ cursor: 'bm90IGEgY3Vyc29y' })).toThrow(/no longer valid/);
  });

  it('reports the last completed sync per connection and counts', () => {
    db.sqlite.prepare(`INSERT INTO sync_state (connection_id, last_completed_at) VALUES ('A', ?)`).run(NOW);
    expect(win({}).lastSynced).toEqual({ A: NOW });
    expect(win({ connectionIds: ['Z'] }).lastSynced).toEqual({ Z: null });
    expect(reads.counts()).toEqual({
      total: 5,
      byStatus: { active: 3, inactive: 2 },
      pdpConfigured: 2,
      doubleMode: 1,
      byConnection: [{ connectionId: 'A', total: 5, lastSynced: NOW }],
    });
  });
});

describe('clients repository: full-text search', () => {
  beforeEach(() => {
    writes.upsertPage(
      'A',
      [
        client('u-1', 'Boulangerie Dupont', { identifier: '12345678901234', description: 'Pain et viennoiseries à Lyon' }),
        client('u-2', 'Boucherie Martin', { description: 'Viande, Lyon' }),
        client('u-3', 'Épicerie Lefèvre', { description: null }),
        client('u-4', 'Garage Moreau', { identifier: '98765432109876' }),
      ],
      1,
      NOW,
    );
  });

  it('matches word prefixes across name, identifier, description and id, ignoring accents and case', () => {
    expect(win({ query: 'bou' }).rows.map((r) => r.remoteId)).toEqual(['u-2', 'u-1']);
    expect(win({ query: 'boul lyon' }).rows.map((r) => r.remoteId)).toEqual(['u-1']);
    expect(win({ query: 'epic' }).rows.map((r) => r.remoteId)).toEqual(['u-3']);
    expect(win({ query: '1234' }).rows.map((r) => r.remoteId)).toEqual(['u-1']);
    expect(win({ query: 'VIENNOIS' }).total).toBe(1);
    expect(win({ query: 'nothing-like-this' }).total).toBe(0);
  });

  it('treats FTS syntax in the input as plain text', () => {
    for (const q of ['"', 'bou*', 'NEAR(bou lyon)', 'name:bou', 'bou OR garage', '-bou', '((']) {
      expect(() => win({ query: q })).not.toThrow();
    }
    expect(win({ query: 'bou OR garage' }).total).toBe(0);
    expect(ftsMatchExpression('  ,;  ')).toBeNull();
  });

  it('highlights the matched words with the private-use markers', () => {
    const [row] = win({ query: 'boul lyon' }).rows;
    expect(row?.highlight?.name).toBe(`${HIGHLIGHT_START}Boulangerie${HIGHLIGHT_END} Dupont`);
    expect(row?.highlight?.description).toContain(`${HIGHLIGHT_START}Lyon${HIGHLIGHT_END}`);
    expect(row?.highlight?.identifier).toBeUndefined();
  });

  it('keeps the index in step with renames', () => {
    writes.upsertPage('A', [client('u-4', 'Garage Renamed', { identifier: '98765432109876', updatedAt: NOW })], null, NOW);
    expect(win({ query: 'moreau' }).total).toBe(0);
    expect(win({ query: 'renam' }).rows.map((r) => r.remoteId)).toEqual(['u-4']);
  });

  it('orders by relevance on request and pages it', () => {
    const first = win({ query: 'lyon', sort: 'relevance', limit: 1 });
    expect(first.rows).toHaveLength(1);
    const second = win({ query: 'lyon', sort: 'relevance', limit: 1, cursor: first.nextCursor ?? '' });
    expect(new Set([...first.rows, ...second.rows].map((r) => r.remoteId))).toEqual(new Set(['u-1', 'u-2']));
  });
});

describe('read and write handles', () => {
  it('a read handle refuses to prepare a statement that writes', () => {
    const r = readDb(db);
    expect(() => r.read('SELECT 1')).not.toThrow();
    for (const sql of ["DELETE FROM clients", "UPDATE clients SET name = 'x'", "INSERT INTO audit_log DEFAULT VALUES", 'DROP TABLE clients']) {
      expect(() => r.read(sql)).toThrow(/write statement/);
    }
  });
});
