import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientWindowInputSchema } from '../../../../../shared/schemas/cache';
import type { SyncProgress } from '../../../../../shared/schemas/cache';
import { AppError } from '../../../../../shared/errors';
import { createEventBus } from '../../../../../main/core/ipc/event-bus';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { createSyncService, SYNC_CONCURRENCY } from '../../../../../main/core/sync/sync-service';
import type { SyncService } from '../../../../../main/core/sync/sync-service';
import { createClientReads } from '../../../../../main/core/cache/clients/client-reads';
import { readDb, writeDb } from '../../../../../main/core/cache/handles';
import { createClientWrites } from '../../../../../main/core/cache/clients/client-writes';
import { generateClients } from '../../../../fixtures/cache/generate-clients';
import type { Provider } from '../../../../../main/core/providers/types';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { tempDb } from '../../../../unit/main/core/cache/temp-db';
import { sandboxProvider } from './sandbox-provider';

const CONN = 'conn-1';
let sandbox: FactPulseSandbox;
let db: CacheDb;
let cleanup: () => void;
let sync: SyncService;
let provider: Provider;
let progress: SyncProgress[];

function cachedTotal(): number {
  return createClientReads(readDb(db)).window(clientWindowInputSchema.parse({ connectionIds: [CONN], limit: 1 })).total ?? 0;
}

beforeEach(async () => {
  sandbox = await startFactPulseSandbox({ clients: 1050, seed: 3 });
  ({ db, cleanup } = tempDb());
  provider = sandboxProvider(sandbox, CONN);
  const events = createEventBus();
  progress = [];
  events.on('sync.progress', (p) => progress.push(p));
  sync = createSyncService({ db, events, log: () => {}, online: (_id, call) => call(provider) });
});
afterEach(async () => {
  await sync.close();
  cleanup();
  await sandbox.close();
});

describe('sync against the sandbox over HTTP', () => {
  it('walks every page with several requests in flight and reports progress', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const listClients = provider.listClients.bind(provider);
    provider.listClients = async (...args) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await listClients(...args);
      } finally {
        inFlight--;
      }
    };
    sandbox.faults.set({ latencyMs: 15 });
    const result = await sync.syncNow(CONN);
    expect(result).toMatchObject({ state: 'done', pagesDone: 11, pagesTotal: 11, rows: 1050, rowsWritten: 1050, removed: 0 });
    expect(cachedTotal()).toBe(1050);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(SYNC_CONCURRENCY);
    expect(progress[0]?.state).toBe('running');
    expect(progress.at(-1)).toMatchObject({ state: 'done', rows: 1050 });
    expect(sync.states([CONN])[0]).toMatchObject({ inProgress: false, resumable: false, cachedCount: 1050, lastErrorCode: null });
  });

  it('a re-sync with no change writes 0 rows; a server-side removal is marked after a complete walk', async () => {
    await sync.syncNow(CONN);
    expect((await sync.syncNow(CONN)).rowsWritten).toBe(0);
    const gone = sandbox.state.order.pop() as string;
    sandbox.state.clients.delete(gone);
    const renamed = sandbox.state.clients.get(sandbox.state.order[0] as string);
    if (renamed) {
      renamed.name = 'Renamed on the server';
      renamed.updatedAt = new Date().toISOString();
    }
    const third = await sync.syncNow(CONN);
    expect(third).toMatchObject({ state: 'done', rowsWritten: 1, removed: 1 });
    expect(cachedTotal()).toBe(1049);
  });

  it('a first sync leaves alone a client the app cached while it ran (its walk never listed it)', async () => {
    const [savedMeanwhile] = generateClients(CONN, 1, 99);
    if (!savedMeanwhile) throw new Error('no generated client');
    const listClients = provider.listClients.bind(provider);
    provider.listClients = async (page, size, opts) => {
      if (page === 2) createClientWrites(writeDb(db)).upsertPage(CONN, [savedMeanwhile], null, new Date().toISOString());
      return listClients(page, size, opts);
    };
    const result = await sync.syncNow(CONN);
    expect(result).toMatchObject({ state: 'done', rows: 1050, removed: 0 });
    expect(cachedTotal()).toBe(1051);
    // The next sync is the one that may conclude it is gone from the server.
    provider.listClients = listClients;
    expect(await sync.syncNow(CONN)).toMatchObject({ state: 'done', removed: 1 });
    expect(cachedTotal()).toBe(1050);
  });

  it('a failed walk removes nothing, keeps its committed pages, and the next sync resumes', async () => {
    await sync.syncNow(CONN);
    sandbox.state.clients.delete(sandbox.state.order.shift() as string);
    // page 7 answers 503 (after the HTTP retries): the walk is incomplete
    const listClients = provider.listClients.bind(provider);
    provider.listClients = async (page, size, opts) => {
      if (page === 7) throw new AppError('SERVER', 'The server reported an error (503).', { status: 503 });
      return listClients(page, size, opts);
    };
    const failed = await sync.syncNow(CONN);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBeTruthy();
    expect(cachedTotal()).toBe(1050);
    expect(sync.states([CONN])[0]).toMatchObject({ resumable: true, lastErrorCode: failed.error?.code });
    const committed = db.sqlite.prepare('SELECT count(*) AS n FROM sync_walk_pages').get() as { n: number };
    expect(committed.n).toBeGreaterThan(0);

    sandbox.faults.clear();
    provider.listClients = listClients;
    const resumed = await sync.syncNow(CONN);
    expect(resumed).toMatchObject({ state: 'done', resumed: true, removed: 1 });
    expect(cachedTotal()).toBe(1049);
  });

  it('stopping a sync cancels it without removing anything', async () => {
    await sync.syncNow(CONN);
    sandbox.state.clients.clear();
    sandbox.state.order.splice(0);
    sandbox.faults.set({ latencyMs: 200 });
    const running = sync.syncNow(CONN);
    expect(sync.isRunning(CONN)).toBe(true);
    expect(sync.syncNow(CONN)).toBe(running);
    await sync.cancel(CONN);
    expect((await running).state).toBe('cancelled');
    expect(cachedTotal()).toBe(1050);
  });

  it('an unreachable server fails the sync with OFFLINE and keeps the cache', async () => {
    await sync.syncNow(CONN);
    provider.listClients = async () => {
      throw new AppError('OFFLINE', 'The server cannot be reached (ECONNREFUSED).');
    };
    const result = await sync.syncNow(CONN);
    expect(result).toMatchObject({ state: 'failed', error: { code: 'OFFLINE' } });
    expect(cachedTotal()).toBe(1050);
  });
});
