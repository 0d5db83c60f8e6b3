// Sync figures against the FactPulse sandbox over HTTP on 127.0.0.1, the sandbox running in its own
// process with a fixed per-request latency (LATENCY_MS) standing in for the network and server time:
// 10k clients with the concurrent walk vs the same sync one page at a time, a re-sync with no change;
// 100k clients: the first sync and a re-sync with 1% changed, each against the network floor, and the RSS
// growth of this process during the first sync (sampled every 20 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../main/core/cache/database';
import type { CacheDb } from '../../../main/core/cache/database';
import { createEventBus } from '../../../main/core/ipc/event-bus';
import { createFactPulseProvider } from '../../../main/core/providers/factpulse';
import { createSyncService, SYNC_CONCURRENCY, SYNC_PAGE_SIZE } from '../../../main/core/sync/sync-service';
import { walkPages } from '../../../main/core/sync/walk';
import type { SyncProgress } from '../../../shared/schemas/cache';
import { percentile, round, seconds, spread, trackPeakRss } from '../support/figures';
import type { Figures } from '../support/figures';
import { startRemoteSandbox } from '../support/remote-sandbox';
import type { RemoteSandbox } from '../support/remote-sandbox';

/**
 * Network + server time per list request of a hosted API (a page of 100 clients answered in ~20 ms is a
 * fast one). At 5 ms the client's own work per page (parse, hash, one SQLite transaction ≈ 8-10 ms on
 * the 2-core bench machine) dominates and no walk order can hide it; that figure is reported too.
 */
export const LATENCY_MS = 20;
const LOW_LATENCY_MS = 5;
const CONNECTION = 'bench-sync';
/** Runs of each walk, alternated, after one warm-up sync (JIT, sockets) that is not counted. */
const RUNS = 3;
const MB = 1024 * 1024;
const CLIENTS_100K = 100_000;
/** Share of the clients edited server-side before the measured re-sync. */
const CHANGED_SHARE = 0.01;

interface SyncRun {
  seconds: number;
  result: SyncProgress;
}

function openCache(): { db: CacheDb; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-bench-sync-'));
  const db = openDatabase(join(dir, 'cache.sqlite'), { backgroundCheckpoints: true });
  return {
    db,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function benchProvider(sandbox: RemoteSandbox) {
  return createFactPulseProvider({
    connectionId: CONNECTION,
    baseUrl: sandbox.url,
    auth: { method: 'apiKey' },
    secrets: { get: async () => sandbox.apiKey },
  });
}

/** The app's sync service and provider (default HTTP limits), with the walk's concurrency as given. */
function syncer(db: CacheDb, sandbox: RemoteSandbox, concurrency: number) {
  const provider = benchProvider(sandbox);
  const sync = createSyncService({ db, events: createEventBus(), log: () => {}, concurrency, online: (_id, call) => call(provider) });
  return async (): Promise<SyncRun> => {
    const started = performance.now();
    const result = await sync.syncNow(CONNECTION);
    if (result.state !== 'done') throw new Error(`sync ended ${result.state}: ${result.error?.message ?? ''}`);
    return { seconds: seconds(started), result };
  };
}

async function syncOnce(sandbox: RemoteSandbox, concurrency: number, times = 1): Promise<SyncRun[]> {
  const cache = openCache();
  await cache.db.checkpointsReady;
  try {
    const run = syncer(cache.db, sandbox, concurrency);
    const runs: SyncRun[] = [];
    for (let i = 0; i < times; i++) runs.push(await run());
    return runs;
  } finally {
    cache.cleanup();
  }
}

async function measureLowLatencySpeedup(): Promise<Figures> {
  const sandbox = await startRemoteSandbox(10_000, 10, LOW_LATENCY_MS);
  try {
    const [concurrent] = await syncOnce(sandbox, SYNC_CONCURRENCY);
    const [sequential] = await syncOnce(sandbox, 1);
    if (!concurrent || !sequential) throw new Error('missing sync run');
    const note = `${LOW_LATENCY_MS} ms latency per request`;
    return {
      'sync.10k_5ms_s': { value: round(concurrent.seconds), unit: 's', note },
      'sync.speedup_5ms_x': { value: round(sequential.seconds / concurrent.seconds, 1), unit: 'x', note: `sequential ${round(sequential.seconds)} s / concurrent, ${note}` },
    };
  } finally {
    await sandbox.close();
  }
}

async function measure10k(): Promise<Figures> {
  const sandbox = await startRemoteSandbox(10_000, 10, LATENCY_MS);
  try {
    await syncOnce(sandbox, SYNC_CONCURRENCY);
    const concurrent: SyncRun[] = [];
    const sequential: SyncRun[] = [];
    const resyncs: SyncRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      const [first, again] = await syncOnce(sandbox, SYNC_CONCURRENCY, 2);
      const [oneByOne] = await syncOnce(sandbox, 1);
      if (!first || !again || !oneByOne) throw new Error('missing sync run');
      if (first.result.rows !== 10_000) throw new Error(`synced ${first.result.rows} rows, expected 10000`);
      concurrent.push(first);
      resyncs.push(again);
      sequential.push(oneByOne);
    }
    const median = (runs: SyncRun[]) => percentile(runs.map((r) => r.seconds), 50);
    const range = (runs: SyncRun[]) => `median of ${RUNS}: ${spread(runs.map((r) => r.seconds))} s`;
    const note = `${LATENCY_MS} ms latency per request`;
    return {
      'sync.10k_s': { value: round(median(concurrent)), unit: 's', note: `${SYNC_CONCURRENCY} pages in flight, ${note}, ${range(concurrent)}` },
      'sync.sequential10k_s': { value: round(median(sequential)), unit: 's', note: `1 page at a time, ${note}, ${range(sequential)}` },
      'sync.speedup_x': { value: round(median(sequential) / median(concurrent), 1), unit: 'x', note: 'sequential / concurrent (medians)' },
      'resync.rows_written': { value: Math.max(...resyncs.map((r) => r.result.rowsWritten)), unit: 'rows', note: `second sync, nothing changed (most of ${RUNS})` },
      'resync.10k_s': { value: round(median(resyncs)), unit: 's', note: `${note}, ${range(resyncs)}` },
    };
  } finally {
    await sandbox.close();
  }
}

/** Pages × latency ÷ pages in flight: what the walk would take if the client's own work cost nothing. */
export function networkFloorSeconds(rows: number, pageSize = SYNC_PAGE_SIZE, latencyMs = LATENCY_MS, concurrency = SYNC_CONCURRENCY): number {
  return (Math.ceil(rows / pageSize) * latencyMs) / concurrency / 1000;
}

/**
 * The first sync's walk with nothing written: the same provider, requests in flight and page parsing, each
 * page dropped once mapped. What the walk costs before the cache does anything (the sandbox's own time per
 * request and the client's HTTP and parsing included).
 */
async function walkOnly(sandbox: RemoteSandbox): Promise<number> {
  const provider = benchProvider(sandbox);
  const started = performance.now();
  const done = await walkPages({
    pageSize: SYNC_PAGE_SIZE,
    concurrency: SYNC_CONCURRENCY,
    signal: new AbortController().signal,
    donePages: new Set(),
    fetchPage: (page, signal) => provider.listClients(page, SYNC_PAGE_SIZE, { signal }),
    commitPages: () => 0,
  });
  if (done.rows !== CLIENTS_100K) throw new Error(`the walk without writes saw ${done.rows} rows`);
  return seconds(started);
}

/**
 * 100k clients, RUNS times on a fresh cache: the first sync (RSS sampled every 20 ms during the first one),
 * then 1% of the clients edited server-side and a re-sync.
 */
async function measure100k(tenK: number): Promise<Figures> {
  const sandbox = await startRemoteSandbox(CLIENTS_100K, 11, LATENCY_MS);
  try {
    const firsts: SyncRun[] = [];
    const resyncs: SyncRun[] = [];
    const walks: number[] = [];
    let rss = { before: 0, peak: 0 };
    for (let i = 0; i < RUNS; i++) {
      const cache = openCache();
      await cache.db.checkpointsReady;
      try {
        const run = syncer(cache.db, sandbox, SYNC_CONCURRENCY);
        global.gc?.();
        const tracker = trackPeakRss();
        let first: SyncRun;
        try {
          first = await run();
        } finally {
          const seen = tracker.stop();
          if (i === 0) rss = seen;
        }
        if (first.result.rows !== CLIENTS_100K) throw new Error('the 100k sync did not see every row');
        const changed = await sandbox.change(CLIENTS_100K * CHANGED_SHARE);
        if (changed !== CLIENTS_100K * CHANGED_SHARE) throw new Error(`the sandbox changed ${changed} clients`);
        firsts.push(first);
        resyncs.push(await run());
        walks.push(await walkOnly(sandbox));
      } finally {
        cache.cleanup();
      }
    }
    const floor = networkFloorSeconds(CLIENTS_100K);
    const first = percentile(firsts.map((r) => r.seconds), 50);
    const resync = percentile(resyncs.map((r) => r.seconds), 50);
    const walk = percentile(walks, 50);
    const written = resyncs.map((r) => r.result.rowsWritten);
    const floorNote = `${CLIENTS_100K / SYNC_PAGE_SIZE} pages × ${LATENCY_MS} ms ÷ ${SYNC_CONCURRENCY} in flight`;
    return {
      'sync.100k_s': { value: round(first), unit: 's', note: `first sync, empty cache, median of ${RUNS}: ${spread(firsts.map((r) => r.seconds))} s` },
      'sync.100k_floor_s': { value: round(floor), unit: 's', note: floorNote },
      'sync.100k_x_floor': { value: round(first / floor), unit: 'x', note: 'first sync of 100k / network floor' },
      'sync.100k_walk_only_s': { value: round(walk), unit: 's', note: `the same walk writing nothing, median of ${RUNS}: ${spread(walks)} s` },
      'sync.100k_walk_only_x_floor': { value: round(walk / floor), unit: 'x', note: 'walk without writes / network floor: the sandbox and HTTP share' },
      'sync.100k_x_walk_only': { value: round(first / walk), unit: 'x', note: 'first sync / the same walk writing nothing: the cache share' },
      'sync.scaling_100k_10k_x': { value: round(first / tenK, 1), unit: 'x', note: `100k first sync / 10k first sync (${round(tenK)} s)` },
      'resync.100k_1pct_s': { value: round(resync), unit: 's', note: `1% edited server-side, median of ${RUNS}: ${spread(resyncs.map((r) => r.seconds))} s` },
      'resync.100k_1pct_x_floor': { value: round(resync / floor), unit: 'x', note: 're-sync of 100k, 1% changed / network floor' },
      'resync.100k_1pct_rows_written': {
        value: Math.max(...written),
        unit: 'rows',
        note: `rows the re-syncs wrote (${written.join(', ')}); ${CLIENTS_100K * CHANGED_SHARE} changed`,
      },
      'sync.rss_growth_mb': { value: round((rss.peak - rss.before) / MB, 1), unit: 'MB', note: `peak RSS - RSS before, 100k first sync (${round(rss.before / MB, 0)} MB before)` },
    };
  } finally {
    await sandbox.close();
  }
}

export async function measure(): Promise<Figures> {
  const tenK = await measure10k();
  const low = await measureLowLatencySpeedup();
  return { ...tenK, ...(await measure100k(tenK['sync.10k_s']?.value ?? Number.NaN)), ...low };
}
