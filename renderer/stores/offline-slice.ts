import type { StateCreator } from 'zustand';
import type { AppErrorShape } from '../../shared/errors';
import type { OutboxItem, SyncProgress, SyncState } from '../../shared/schemas/cache';
import { call, errorShape } from '../app/bridge';
import type { StoreState } from './store';
import { throttle } from './throttle';

export interface OutboxCounts {
  queued: number;
  conflicts: number;
  failed: number;
}

export interface OfflineSlice {
  /** The latest sync.progress per connection (running or how the last run ended). */
  syncProgress: Record<string, SyncProgress>;
  syncStates: Record<string, SyncState>;
  outboxItems: OutboxItem[];
  outboxLoaded: boolean;
  outboxError: AppErrorShape | null;
  loadSyncStates(): Promise<void>;
  /** Starts a sync in the background; progress arrives as events. */
  syncNow(connectionId: string): void;
  receiveSyncProgress(progress: SyncProgress): void;
  loadOutbox(): Promise<void>;
  receiveOutboxChanged(): void;
}

export function outboxCounts(items: OutboxItem[], connectionId?: string): OutboxCounts {
  const counts: OutboxCounts = { queued: 0, conflicts: 0, failed: 0 };
  for (const item of items) {
    if (connectionId && item.connectionId !== connectionId) continue;
    if (item.state === 'queued') counts.queued++;
    if (item.state === 'conflict') counts.conflicts++;
    if (item.state === 'failed') counts.failed++;
  }
  return counts;
}

/**
 * How often a running sync refreshes the Clients list and counts: a first sync of 100k clients commits pages
 * for tens of seconds, and counting them costs main up to a few hundred ms, taken from the sync's own thread.
 * So a refresh waits at least a second, and at least ten times as long as the last one took.
 */
export const SYNC_REFRESH_MS = 1_000;
const REFRESH_SHARE = 10;
let reloadClients: () => Promise<void> = () => Promise.resolve();
let lastRefreshMs = 0;
const refreshClients = throttle(
  () => Math.max(SYNC_REFRESH_MS, REFRESH_SHARE * lastRefreshMs),
  () => {
    const started = performance.now();
    const measured = () => {
      lastRefreshMs = performance.now() - started;
    };
    // The list reports its own errors; this only times the refresh.
    reloadClients().then(measured, measured);
  },
);

export const createOfflineSlice: StateCreator<StoreState, [], [], OfflineSlice> = (set, get) => ({
  syncProgress: {},
  syncStates: {},
  outboxItems: [],
  outboxLoaded: false,
  outboxError: null,
  async loadSyncStates() {
    try {
      const states = await call('sync.state');
      set({ syncStates: Object.fromEntries(states.map((s) => [s.connectionId, s])) });
    } catch {
      // The sync state is a hint beside the list; the list itself reports its own errors.
    }
  },
  syncNow(connectionId) {
    set((s) => ({
      syncProgress: {
        ...s.syncProgress,
        [connectionId]: { connectionId, state: 'running', pagesDone: 0, pagesTotal: null, rows: 0, rowsWritten: 0, ratePerSec: 0 },
      },
    }));
    call('sync.now', { connectionId }).then(
      (final) => get().receiveSyncProgress(final),
      (err: unknown) => {
        const error = errorShape(err);
        get().receiveSyncProgress({ connectionId, state: 'failed', pagesDone: 0, pagesTotal: null, rows: 0, rowsWritten: 0, ratePerSec: 0, error });
      },
    );
  },
  receiveSyncProgress(progress) {
    const before = get().syncProgress[progress.connectionId];
    set((s) => ({ syncProgress: { ...s.syncProgress, [progress.connectionId]: progress } }));
    if (progress.state === 'running') {
      // Each page a sync commits is in the cache at once: the list, its total and the counts follow what it wrote.
      reloadClients = () => get().loadClients();
      if (progress.rowsWritten > (before?.state === 'running' ? before.rowsWritten : 0)) refreshClients();
      return;
    }
    refreshClients.cancel();
    void get().loadSyncStates();
    void get().loadClients();
  },
  async loadOutbox() {
    try {
      set({ outboxItems: await call('outbox.list', {}), outboxLoaded: true, outboxError: null });
    } catch (err) {
      set({ outboxError: errorShape(err), outboxLoaded: true });
    }
  },
  receiveOutboxChanged() {
    void get().loadOutbox();
    void get().loadClients();
  },
});
