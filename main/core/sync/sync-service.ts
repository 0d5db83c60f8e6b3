import { AppError, isAppError } from '../../../shared/errors';
import type { SyncProgress, SyncState } from '../../../shared/schemas/cache';
import type { CacheDb } from '../cache/database';
import { writeDb } from '../cache/handles';
import { createClientWrites } from '../cache/clients/client-writes';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../log';
import type { Provider } from '../providers/types';
import { createSyncStateWrites } from './sync-state-store';
import { walkPages } from './walk';
import type { WalkProgress } from './walk';
import type { FetchedPage } from './group-commit';
import { walkWholeList } from './whole-list';

export const SYNC_PAGE_SIZE = 100;
/** Pages in flight: a browser's connections per host, and the FactPulse provider's per-connection limit. */
export const SYNC_CONCURRENCY = 6;
const PROGRESS_EVERY_MS = 100;
/**
 * A walk bringing at least this many rows, twice as many as the whole cache holds, is a first sync: it
 * writes with the sort indexes of `clients` dropped and creates them once at the end. Page by page, every
 * commit rewrote index pages all over each index (a 100k first sync spent four fifths of its time there).
 */
export const FIRST_SYNC_ROWS = 5_000;
/**
 * Pages a first sync's transaction may take when they pile up: without the sort indexes a page costs a
 * fraction of what it did, and each transaction flushes one more FTS segment, so fewer, larger ones pay.
 */
const FIRST_SYNC_BATCH = 8;

export interface SyncServiceDeps {
  db: CacheDb;
  events: EventBus;
  log: Logger;
  /** Provider calls that keep the connection's online/offline status current (ctx.online). */
  online<T>(connectionId: string, call: (provider: Provider) => Promise<T>): Promise<T>;
  pageSize?: number;
  concurrency?: number;
  /** True for a provider that answers its whole list at once (its descriptor's paging). */
  wholeList?(connectionId: string): boolean;
}

/** Rows per transaction when a whole list streams in: small batches keep the parsed objects short-lived. */
const WHOLE_LIST_BATCH = 200;
/**
 * SQLite's page cache while a whole list streams into an empty cache (KiB; the cache is opened with 64 MiB).
 * That load fills the whole 64 MiB with pages it writes once, next to the parser's garbage: a 100k registry
 * grew the process by ~151 MB with it and ~104 MB with 16 MiB, no slower (the pages stay in the OS cache).
 */
const WHOLE_LIST_CACHE_KIB = 16 * 1024;

export interface SyncService {
  /** Syncs one connection; a second call while one runs joins it. Never throws: the result says how it ended. */
  syncNow(connectionId: string): Promise<SyncProgress>;
  states(connectionIds: readonly string[]): SyncState[];
  isRunning(connectionId: string): boolean;
  /** Stops a running sync (e.g. before the connection is removed); committed pages stay. */
  cancel(connectionId: string): Promise<void>;
  close(): Promise<void>;
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const pageSize = deps.pageSize ?? SYNC_PAGE_SIZE;
  const concurrency = deps.concurrency ?? SYNC_CONCURRENCY;
  const w = writeDb(deps.db);
  const clients = createClientWrites(w);
  const state = createSyncStateWrites(w);
  const cachedRows = w.read<{ n: number }, []>('SELECT count(*) AS n FROM clients');
  const anyLiveRow = w.read<{ found: number }, [string]>('SELECT 1 AS found FROM clients WHERE connection_id = ? AND removed_at IS NULL LIMIT 1');
  // A process killed during a first sync left the sort indexes dropped.
  clients.endBulkLoad();
  const running = new Map<string, { promise: Promise<SyncProgress>; controller: AbortController }>();

  async function run(connectionId: string, controller: AbortController): Promise<SyncProgress> {
    const started = performance.now();
    const walk = state.begin(connectionId, pageSize, new Date());
    // A new walk into nothing cached for the connection writes every row it leaves, so none can be unseen
    // (and looking costs a pass over the connection's rows: ~0.25 s at 100k).
    const nothingBefore = !walk.resumed && !anyLiveRow.get(connectionId);
    const syncedAt = new Date().toISOString();
    let lastEmit = 0;
    const base = { connectionId, resumed: walk.resumed };
    const rate = (rows: number) => Math.round(rows / Math.max(0.001, (performance.now() - started) / 1000));
    const emit = (p: SyncProgress, force = false) => {
      const now = performance.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      deps.events.emit('sync.progress', p);
    };
    let last = { pagesDone: walk.donePages.size, pagesTotal: null as number | null, rows: 0, rowsWritten: 0 };
    emit({ ...base, state: 'running', ...last, ratePerSec: 0 }, true);
    let bulkLoad = false;
    /** The page cache setting to put back after a whole list's bulk load. */
    let cacheSize: number | null = null;
    const firstSync = (total: number | null) =>
      total !== null && total >= FIRST_SYNC_ROWS && (cachedRows.get()?.n ?? 0) * 2 <= total;
    try {
      const commitPages = (pages: FetchedPage[]) =>
        deps.db.transaction(() => {
          if (controller.signal.aborted) throw controller.signal.reason;
          const written = clients.upsertPages(connectionId, pages.map((p) => p.records), walk.walkId, syncedAt);
          for (const { page, records } of pages) state.pageDone(connectionId, walk.walkId, page, records.length);
          return written;
        });
      const onPage = (p: WalkProgress) => {
        last = p;
        emit({ ...base, state: 'running', ...p, ratePerSec: rate(p.rows) });
      };
      const whole = deps.wholeList?.(connectionId) ?? false;
      // A whole list says its size only at the end: an (almost) empty cache is the first-sync case.
      if (whole && (cachedRows.get()?.n ?? 0) < FIRST_SYNC_ROWS) {
        clients.beginBulkLoad();
        bulkLoad = true;
        cacheSize = deps.db.sqlite.pragma('main.cache_size', { simple: true }) as number;
        deps.db.sqlite.pragma(`main.cache_size = -${WHOLE_LIST_CACHE_KIB}`);
      }
      const done = whole
        ? await walkWholeList({
            signal: controller.signal,
            stream: (each, signal) =>
              deps.online(connectionId, async (p) => {
                if (!p.streamClients) throw new AppError('UNSUPPORTED', 'This connection cannot read its whole list.');
                for await (const batch of p.streamClients(WHOLE_LIST_BATCH, { signal })) each(batch);
              }),
            commitPages,
            onPage,
          })
        : await walkPages({
            pageSize,
            concurrency,
            signal: controller.signal,
            donePages: walk.donePages,
            fetchPage: (page, signal) => deps.online(connectionId, (p) => p.listClients(page, pageSize, { signal })),
            commitPages,
            onTotal: (total) => {
              state.setTotal(connectionId, total);
              if (!firstSync(total)) return;
              clients.beginBulkLoad();
              bulkLoad = true;
            },
            maxBatch: () => (bulkLoad ? FIRST_SYNC_BATCH : 2),
            onPage,
          });
      // Only a complete walk may conclude that the rows it did not see are gone.
      const at = new Date().toISOString();
      const removed = deps.db.transaction(() => {
        const n = nothingBefore ? 0 : clients.markUnseenRemoved(connectionId, walk.walkId, at);
        state.complete(connectionId, at, done.rowsWritten, n);
        return n;
      });
      if (bulkLoad) clients.endBulkLoad();
      const final: SyncProgress = { ...base, state: 'done', ...done, removed, ratePerSec: rate(done.rows) };
      emit(final, true);
      return final;
    } catch (err) {
      const code = controller.signal.aborted ? 'CANCELLED' : isAppError(err) ? err.code : 'INTERNAL';
      const message = code === 'CANCELLED' ? 'The sync was stopped.' : isAppError(err) ? err.message : 'The sync stopped unexpectedly.';
      if (!isAppError(err) && code !== 'CANCELLED') deps.log(`sync ${connectionId}: ${String(err)}`);
      if (deps.db.sqlite.open) state.fail(connectionId, code, message);
      const final: SyncProgress = {
        ...base,
        state: code === 'CANCELLED' ? 'cancelled' : 'failed',
        ...last,
        ratePerSec: rate(last.rows),
        error: { code, message },
      };
      emit(final, true);
      return final;
    } finally {
      if (bulkLoad && deps.db.sqlite.open) clients.endBulkLoad();
      if (cacheSize !== null && deps.db.sqlite.open) deps.db.sqlite.pragma(`main.cache_size = ${cacheSize}`);
    }
  }

  function syncNow(connectionId: string): Promise<SyncProgress> {
    const current = running.get(connectionId);
    if (current) return current.promise;
    const controller = new AbortController();
    const promise = run(connectionId, controller).finally(() => running.delete(connectionId));
    running.set(connectionId, { promise, controller });
    return promise;
  }

  function states(connectionIds: readonly string[]): SyncState[] {
    const counts = state.cachedCounts();
    return connectionIds.map((connectionId) => {
      const row = state.get(connectionId);
      return {
        connectionId,
        lastCompletedAt: row?.last_completed_at ?? null,
        lastStartedAt: row?.last_started_at ?? null,
        lastErrorCode: row?.last_error_code ?? null,
        lastErrorMessage: row?.last_error_message ?? null,
        inProgress: running.has(connectionId),
        resumable: row?.walk_id != null && !running.has(connectionId),
        cachedCount: counts.get(connectionId) ?? 0,
      };
    });
  }

  async function cancel(connectionId: string): Promise<void> {
    const current = running.get(connectionId);
    if (!current) return;
    current.controller.abort(new AppError('CANCELLED', 'The sync was stopped.'));
    await current.promise;
  }

  async function close(): Promise<void> {
    await Promise.all([...running.keys()].map(cancel));
  }

  return { syncNow, states, isRunning: (id) => running.has(id), cancel, close };
}
