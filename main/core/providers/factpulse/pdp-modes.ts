import { isAppError } from '../../../../shared/errors';
import type { PdpModesProgress } from '../../../../shared/schemas/keys';
import type { CacheDb } from '../../cache/database';
import { readDb, writeDb } from '../../cache/handles';
import { createClientFactReads, createClientFactWrites } from './client-facts';
import type { Logger } from '../../log';
import type { Provider } from '../types';

/** Unknown modes read from the cache per query (the learner walks them by id, so it never reads one twice). */
const BATCH = 200;
/**
 * Requests in flight per connection. Every call still queues in the provider's HTTP limiter (4 slots by default),
 * so this keeps that limiter busy without letting a user's own request wait behind more than a few answers.
 */
export const PDP_MODE_CONCURRENCY = 4;
/** A progress event every this many learned modes (and at the start and the end of a run). */
const PROGRESS_EVERY = 50;

export interface PdpModeLearner {
  /**
   * Learns the encryption mode of every cached client whose PDP is configured but whose mode is unknown: the
   * client list does not carry it, and "double" decides whether the server needs a key this computer may not
   * hold. Runs until none is left (or the first failure that is not a vanished client: the next call picks
   * up where this one stopped, since what is learned is written at once). One run at a time per connection;
   * answers how many it learned; never throws.
   */
  refresh(connectionId: string): Promise<number>;
  /** Like refresh, but only for a connection whose list was completely synced once (used when it comes back online). */
  resume(connectionId: string): Promise<number>;
  /** How far along each connection is (every connection with cached clients). */
  status(): PdpModesProgress[];
  close(): Promise<void>;
}

export function createPdpModeLearner(deps: {
  db: CacheDb;
  log: Logger;
  online<T>(connectionId: string, call: (provider: Provider) => Promise<T>): Promise<T>;
  emit?(progress: PdpModesProgress): void;
}): PdpModeLearner {
  const r = readDb(deps.db);
  const facts = createClientFactReads(r);
  // Every connection with live cached clients has a status, with or without facts (one walk of an index).
  const cachedConnections = r.read<{ connection_id: string }, []>('SELECT connection_id FROM clients WHERE removed_at IS NULL GROUP BY connection_id');
  const syncedOnce = r.read<{ n: number }, [string]>('SELECT count(*) AS n FROM sync_state WHERE connection_id = ? AND last_completed_at IS NOT NULL');
  const writes = createClientFactWrites(writeDb(deps.db));
  const running = new Map<string, Promise<number>>();
  let closed = false;

  const progressOf = (connectionId: string): PdpModesProgress => {
    const row = facts.counts([connectionId])[0];
    return { connectionId, known: row?.known ?? 0, total: row?.configured ?? 0, running: running.has(connectionId) };
  };

  async function learn(connectionId: string): Promise<number> {
    const progress = progressOf(connectionId);
    if (progress.known >= progress.total) return 0;
    deps.emit?.({ ...progress, running: true });
    let cursor = 0;
    let queue: string[] = [];
    let learned = 0;
    let stop = false;
    const next = (): string | undefined => {
      if (queue.length === 0 && !stop) {
        const rows = facts.unknownModes(connectionId, cursor, BATCH);
        if (rows.length === 0) stop = true;
        cursor = rows.at(-1)?.id ?? cursor;
        queue = rows.map((row) => row.remoteId);
      }
      return queue.shift();
    };
    async function worker(): Promise<void> {
      for (let uid = next(); uid !== undefined && !stop && !closed; uid = next()) {
        try {
          const config = await deps.online(connectionId, async (p) => (p.getPdpConfig ? p.getPdpConfig(uid) : null));
          if (!config || closed) return;
          writes.set(connectionId, uid, { configured: config.isConfigured, encryptionMode: config.encryptionMode ?? null });
          if (!config.isConfigured) progress.total--;
          else if (config.encryptionMode) progress.known++;
          if (++learned % PROGRESS_EVERY === 0) deps.emit?.({ ...progress, running: true });
        } catch (err) {
          // Offline, auth or rate limits: the next sync (or the connection coming back) tries again.
          // A vanished client is left to the sync, which marks it removed.
          if (!isAppError(err) || err.code !== 'NOT_FOUND') stop = true;
        }
      }
    }
    await Promise.all(Array.from({ length: PDP_MODE_CONCURRENCY }, worker));
    if (learned) deps.log(`pdp modes ${connectionId}: learned ${learned}`);
    return learned;
  }

  function refresh(connectionId: string): Promise<number> {
    const current = running.get(connectionId);
    if (current) return current;
    if (closed) return Promise.resolve(0);
    const promise = learn(connectionId)
      .catch((err: unknown) => {
        deps.log(`pdp modes ${connectionId}: stopped (${String(err)})`);
        return 0;
      })
      .finally(() => {
        running.delete(connectionId);
        if (!closed) deps.emit?.(progressOf(connectionId));
      });
    running.set(connectionId, promise);
    return promise;
  }

  function resume(connectionId: string): Promise<number> {
    if (running.has(connectionId) || (syncedOnce.get(connectionId)?.n ?? 0) === 0) return running.get(connectionId) ?? Promise.resolve(0);
    return refresh(connectionId);
  }

  function status(): PdpModesProgress[] {
    const counted = new Map(facts.counts().map((row) => [row.connectionId, row]));
    return cachedConnections.all().map(({ connection_id: id }) => {
      const row = counted.get(id);
      return { connectionId: id, known: row?.known ?? 0, total: row?.configured ?? 0, running: running.has(id) };
    });
  }

  async function close(): Promise<void> {
    closed = true;
    await Promise.all(running.values());
  }

  return { refresh, resume, status, close };
}
