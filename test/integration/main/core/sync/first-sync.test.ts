import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientWindowInputSchema } from '../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../shared/schemas/cache';
import { createEventBus } from '../../../../../main/core/ipc/event-bus';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { createSyncService, FIRST_SYNC_ROWS } from '../../../../../main/core/sync/sync-service';
import { createClientReads } from '../../../../../main/core/cache/clients/client-reads';
import { sortKey } from '../../../../../main/core/cache/clients/sort-key';
import { declaredSortIndexes } from '../../../../../main/core/cache/clients/sort-indexes';
import { readDb } from '../../../../../main/core/cache/handles';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { tempDb } from '../../../../unit/main/core/cache/temp-db';
import { sandboxProvider } from './sandbox-provider';

const CONN = 'conn-first';
const CLIENTS = FIRST_SYNC_ROWS + 1_500;
let sandbox: FactPulseSandbox;
let db: CacheDb;
let cleanup: () => void;

beforeEach(async () => {
  sandbox = await startFactPulseSandbox({ clients: CLIENTS, seed: 21 });
  ({ db, cleanup } = tempDb());
});
afterEach(async () => {
  cleanup();
  await sandbox.close();
});

function sortIndexesPresent(): number {
  const names = new Set((db.sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index'`).all() as Array<{ name: string }>).map((r) => r.name));
  return declaredSortIndexes().filter((i) => names.has(i.name)).length;
}

interface Probe {
  committedRows: number;
  searchedFound: boolean;
  total: number | null;
  sortedByName: boolean;
  indexes: number;
}

describe('the first sync of a large tenant', () => {
  it('answers searches from the rows committed so far, and ends with every sort index in place', async () => {
    const reads = createClientReads(readDb(db));
    const window = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse({ connectionIds: [CONN], ...input }));
    const committedPages = db.sqlite.prepare('SELECT page FROM sync_walk_pages WHERE connection_id = ? ORDER BY page DESC');
    const liveRows = db.sqlite.prepare('SELECT count(*) AS n FROM clients WHERE connection_id = ? AND removed_at IS NULL');
    const probes: Probe[] = [];
    // What the Clients screen does while the sync runs: search a client of the last committed page by its
    // name, and ask for the list sorted by name with its total.
    const probe = () => {
      const page = (committedPages.all(CONN) as Array<{ page: number }>)[0]?.page;
      if (page === undefined) return;
      const uid = sandbox.state.order[(page - 1) * 100] as string;
      const name = sandbox.state.clients.get(uid)?.name ?? '';
      const committedRows = (liveRows.get(CONN) as { n: number }).n;
      const found = window({ query: name, sort: 'relevance', limit: 50 });
      const byName = window({ sort: 'name', limit: 200, offset: Math.floor(committedRows / 2) });
      const keys = byName.rows.map((r) => sortKey(r.name));
      probes.push({
        committedRows,
        searchedFound: found.rows.some((r) => r.remoteId === uid),
        total: byName.total,
        sortedByName: keys.every((k, i) => i === 0 || (keys[i - 1] as string) <= k),
        indexes: sortIndexesPresent(),
      });
    };
    sandbox.faults.set({ latencyMs: 10 });
    const provider = sandboxProvider(sandbox, CONN);
    const sync = createSyncService({ db, events: createEventBus(), log: () => {}, online: (_id, call) => call(provider) });
    const timer = setInterval(probe, 15);
    const result = await sync.syncNow(CONN).finally(() => clearInterval(timer));
    await sync.close();

    const during = probes.filter((p) => p.committedRows > 0 && p.committedRows < CLIENTS);
    console.info(
      `first sync of ${CLIENTS}: ${during.length} probes while it ran (committed rows ${during.map((p) => p.committedRows).join(', ')}); ` +
        `sort indexes during ${[...new Set(during.map((p) => p.indexes))].join('/')}, after ${sortIndexesPresent()} of ${declaredSortIndexes().length}`,
    );
    expect(result).toMatchObject({ state: 'done', rows: CLIENTS, rowsWritten: CLIENTS });
    expect(during.length).toBeGreaterThan(3);
    for (const p of during) {
      expect(p.searchedFound).toBe(true);
      expect(p.total).toBe(p.committedRows);
      expect(p.sortedByName).toBe(true);
      expect(p.indexes).toBe(0);
    }
    expect(sortIndexesPresent()).toBe(declaredSortIndexes().length);
    expect(window({ limit: 1 }).total).toBe(CLIENTS);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('a re-sync of the same tenant keeps the sort indexes (rows are compared, not loaded)', async () => {
    const provider = sandboxProvider(sandbox, CONN);
    const sync = createSyncService({ db, events: createEventBus(), log: () => {}, online: (_id, call) => call(provider) });
    await sync.syncNow(CONN);
    const dropped: number[] = [];
    const timer = setInterval(() => dropped.push(declaredSortIndexes().length - sortIndexesPresent()), 5);
    sandbox.faults.set({ latencyMs: 5 });
    const again = await sync.syncNow(CONN).finally(() => clearInterval(timer));
    await sync.close();
    expect(again).toMatchObject({ state: 'done', rowsWritten: 0 });
    expect(dropped.length).toBeGreaterThan(0);
    expect(Math.max(...dropped)).toBe(0);
  }, 120_000);
});
