import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import { readDb, writeDb } from '../../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import type { ClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import { keyCutoff, onlyTextFilter } from '../../../../../../main/core/cache/clients/window-sql';
import { createKeyMeta } from '../../../../../../main/core/providers/factpulse/keys/key-meta';
import type { KeyMeta } from '../../../../../../main/core/providers/factpulse/keys/key-meta';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { tempDb } from '../temp-db';

const NOW = '2025-06-01T00:00:00.000Z';
const DAY = 86_400_000;
const uid = (n: number) => `c-${String(n).padStart(7, '0')}`;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

let cleanup: () => void;
let reads: ClientReads;
let meta: KeyMeta;

beforeEach(() => {
  const t = tempDb();
  cleanup = t.cleanup;
  reads = createClientReads(readDb(t.db));
  const writes = createClientWrites(writeDb(t.db));
  writes.upsertPage('A', generateClients('A', 400, 3), 1, NOW);
  writes.upsertPage('B', generateClients('B', 100, 5), 1, NOW);
  meta = createKeyMeta(t.db);
  // Keys of various ages (half-day margins: whole-day ages are stable through the test) on A; one on B; one for a client the cache does not hold.
  const ages: Array<[string, number, number]> = [['A', 1, 0], ['A', 2, 10], ['A', 3, 89.5], ['A', 4, 91.5], ['A', 5, 400], ['B', 6, 200], ['A', 999, 500]];
  for (const [connectionId, n, age] of ages) meta.put({ connectionId, clientUid: uid(n), fingerprint: `fp${n}`, createdAt: daysAgo(age) });
});
afterEach(() => cleanup());

const win = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse({ limit: 500, ...input }));
const ids = (input: ClientWindowInput) => win(input).rows.map((r) => `${r.connectionId}:${r.remoteId}`).sort();

describe('clients.window key filters', () => {
  it('hasKey: true lists exactly the cached clients with a local key, with a matching total', () => {
    const w = win({ hasKey: true });
    expect(w.rows.map((r) => `${r.connectionId}:${r.remoteId}`).sort()).toEqual(['A:' + uid(1), 'A:' + uid(2), 'A:' + uid(3), 'A:' + uid(4), 'A:' + uid(5), 'B:' + uid(6)]);
    expect(w.total).toBe(6);
  });

  it('hasKey: false lists every other client', () => {
    const w = win({ hasKey: false, limit: 10 });
    expect(w.total).toBe(494);
    expect(ids({ hasKey: false })).not.toContain('A:' + uid(1));
  });

  it('keyOlderThanDays counts whole days the way the Keys screen flags them (ageDays > N)', () => {
    expect(ids({ keyOlderThanDays: 90 })).toEqual(['A:' + uid(4), 'A:' + uid(5), 'B:' + uid(6)]);
    expect(ids({ keyOlderThanDays: 89 })).toEqual(['A:' + uid(4), 'A:' + uid(5), 'B:' + uid(6)]);
    expect(ids({ keyOlderThanDays: 88 })).toEqual(['A:' + uid(3), 'A:' + uid(4), 'A:' + uid(5), 'B:' + uid(6)]);
    expect(win({ keyOlderThanDays: 3650 }).total).toBe(0);
    expect(win({ keyOlderThanDays: 90, hasKey: true }).total).toBe(3);
    expect(win({ keyOlderThanDays: 90, hasKey: false }).total).toBe(0);
  });

  it('combines with the connection, status and text filters, in every sort, and pages by cursor', () => {
    expect(ids({ keyOlderThanDays: 90, connectionIds: ['A'] })).toEqual(['A:' + uid(4), 'A:' + uid(5)]);
    const name = win({ hasKey: true }).rows.find((r) => r.remoteId === uid(2))?.name ?? '';
    const word = name.split(' ')[0] ?? '';
    const found = win({ hasKey: true, query: word, sort: 'relevance' });
    expect(found.rows.map((r) => r.remoteId)).toContain(uid(2));
    expect(found.rows.every((r) => ids({ hasKey: true }).includes(`${r.connectionId}:${r.remoteId}`))).toBe(true);
    expect(found.total).toBe(found.rows.length);
    for (const sort of ['name', 'updatedAt', 'status'] as const) {
      const all = win({ hasKey: true, sort }).rows.map((r) => r.remoteId);
      const first = win({ hasKey: true, sort, limit: 4 });
      const next = win({ hasKey: true, sort, limit: 4, cursor: first.nextCursor ?? undefined });
      expect([...first.rows, ...next.rows].map((r) => r.remoteId), sort).toEqual(all);
    }
  });

  it('follows key writes and removals (the remembered total included)', () => {
    expect(win({ hasKey: true, limit: 1 }).total).toBe(6);
    meta.put({ connectionId: 'B', clientUid: uid(7), fingerprint: 'fp7', createdAt: daysAgo(3) });
    meta.remove('A', uid(1));
    expect(win({ hasKey: true, limit: 1 }).total).toBe(6);
    expect(ids({ hasKey: true })).toContain('B:' + uid(7));
    expect(ids({ hasKey: true })).not.toContain('A:' + uid(1));
  });

  it('is not a text-only query (the FTS match count is not the total)', () => {
    const base = clientWindowInputSchema.parse({ query: 'a' });
    expect(onlyTextFilter(base)).toBe(true);
    expect(onlyTextFilter({ ...base, hasKey: true })).toBe(false);
    expect(onlyTextFilter({ ...base, keyOlderThanDays: 30 })).toBe(false);
    const w = win({ query: 'a', hasKey: true });
    expect(w.total).toBe(w.rows.length);
  });

  it('rejects an out-of-range or fractional age, naming the field', () => {
    for (const bad of [0, 3651, 1.5, -3]) {
      const result = clientWindowInputSchema.safeParse({ keyOlderThanDays: bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['keyOlderThanDays']);
      expect(result.error?.issues[0]?.message).toMatch(/Key age/);
    }
  });

  it('keyCutoff rounds to the minute, so the same filter reuses its count within a minute', () => {
    const at = Date.UTC(2025, 5, 10, 12, 30, 45);
    expect(keyCutoff(90, at)).toBe(new Date(Date.UTC(2025, 5, 10, 12, 30) - 91 * DAY).toISOString());
    expect(keyCutoff(90, at + 10_000)).toBe(keyCutoff(90, at));
  });
});
