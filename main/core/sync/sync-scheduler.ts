import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../log';
import type { SettingsService } from '../settings/settings-service';
import type { SyncService } from './sync-service';

export interface SyncSchedulerDeps {
  sync: SyncService;
  events: EventBus;
  settings: SettingsService;
  log: Logger;
  connectionIds(): Promise<string[]>;
  /** Runs before the sync when a connection comes back online (outbox replay). */
  onReconnect?(connectionId: string): Promise<unknown>;
  /** A cheap call that reports the connection's status; tried while it is offline. */
  probe?(connectionId: string): Promise<unknown>;
  probeIntervalMs?: number;
}

export const RECONNECT_PROBE_MS = 30_000;

export interface SyncScheduler {
  start(): Promise<void>;
  stop(): void;
}

/**
 * Sync on connect (a connection is added, or comes back online after being offline: replay the outbox
 * first, then sync) and every `settings.syncIntervalMinutes` (0 = off, the default for metered users).
 */
export function createSyncScheduler(deps: SyncSchedulerDeps): SyncScheduler {
  const known = new Set<string>();
  const offline = new Set<string>();
  const unsubscribe: Array<() => void> = [];
  let timer: NodeJS.Timeout | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let intervalMinutes = 0;
  let stopped = false;

  function background(what: string, work: Promise<unknown>): void {
    work.catch((err: unknown) => deps.log(`sync scheduler: ${what} failed: ${String(err)}`));
  }

  async function syncAll(): Promise<void> {
    for (const id of await deps.connectionIds()) {
      if (stopped) return;
      await deps.sync.syncNow(id);
    }
  }

  function arm(): void {
    if (timer) clearInterval(timer);
    timer = null;
    intervalMinutes = deps.settings.get().syncIntervalMinutes;
    if (intervalMinutes <= 0 || stopped) return;
    timer = setInterval(() => background('periodic sync', syncAll()), intervalMinutes * 60_000);
    timer.unref();
  }

  /** While any connection is offline, probe it now and then: its coming back triggers replay + sync. */
  function armProbe(): void {
    if (!deps.probe || stopped) return;
    if (offline.size === 0) {
      if (probeTimer) clearInterval(probeTimer);
      probeTimer = null;
      return;
    }
    if (probeTimer) return;
    const probe = deps.probe;
    probeTimer = setInterval(() => {
      for (const id of offline) background('reconnect probe', probe(id).catch(() => undefined));
    }, deps.probeIntervalMs ?? RECONNECT_PROBE_MS);
    probeTimer.unref();
  }

  async function start(): Promise<void> {
    for (const id of await deps.connectionIds()) known.add(id);
    arm();
    unsubscribe.push(
      deps.events.on('settings.changed', (settings) => {
        if (settings.syncIntervalMinutes !== intervalMinutes) arm();
      }),
      deps.events.on('connections.changed', (list) => {
        const ids = new Set(list.map((c) => c.id));
        for (const id of ids) {
          if (known.has(id)) continue;
          known.add(id);
          background('sync on connect', deps.sync.syncNow(id));
        }
        for (const id of [...known]) {
          if (ids.has(id)) continue;
          known.delete(id);
          offline.delete(id);
        }
        armProbe();
      }),
      deps.events.on('connection.status', (status) => {
        const id = status.connectionId;
        if (status.state === 'offline') offline.add(id);
        const back = status.state === 'online' && offline.delete(id);
        armProbe();
        if (!back || stopped) return;
        const replay = deps.onReconnect ? deps.onReconnect(id) : Promise.resolve();
        background('reconnect', replay.then(() => deps.sync.syncNow(id)));
      }),
    );
  }

  function stop(): void {
    stopped = true;
    if (timer) clearInterval(timer);
    if (probeTimer) clearInterval(probeTimer);
    timer = null;
    probeTimer = null;
    for (const off of unsubscribe.splice(0)) off();
  }

  return { start, stop };
}
