import { isAppError } from '../../../shared/errors';
import type { CacheDb } from '../cache/database';
import { readDb, writeDb } from '../cache/handles';
import { createClientWrites } from '../cache/clients/client-writes';
import type { Logger } from '../log';
import type { Provider } from '../providers/types';

export const PDP_MODE_BATCH = 200;
const CONCURRENCY = 2;

export interface PdpModeRefresher {
  /**
   * Learns the encryption mode of cached clients whose PDP is configured but whose mode is unknown, at most
   * `limit` per call. The client list does not carry the mode, and "double" is what decides whether the
   * server needs a key this computer may not hold. Runs once at a time per connection; never throws.
   */
  refresh(connectionId: string, limit?: number): Promise<number>;
  close(): Promise<void>;
}

export function createPdpModeRefresher(deps: {
  db: CacheDb;
  log: Logger;
  online<T>(connectionId: string, call: (provider: Provider) => Promise<T>): Promise<T>;
}): PdpModeRefresher {
  const unknownModes = readDb(deps.db).read<{ remote_id: string }, [string, number]>(
    `SELECT remote_id FROM clients
      WHERE connection_id = ? AND removed_at IS NULL AND pdp_configured = 1 AND encryption_mode IS NULL
      ORDER BY id LIMIT ?`,
  );
  const writes = createClientWrites(writeDb(deps.db));
  const running = new Map<string, Promise<number>>();
  let closed = false;

  async function learn(connectionId: string, limit: number): Promise<number> {
    const queue = unknownModes.all(connectionId, limit).map((r) => r.remote_id);
    let learned = 0;
    let stop = false;
    async function worker(): Promise<void> {
      for (let uid = queue.shift(); uid !== undefined && !stop && !closed; uid = queue.shift()) {
        try {
          const config = await deps.online(connectionId, async (p) => (p.getPdpConfig ? p.getPdpConfig(uid) : null));
          if (!config || closed) return;
          writes.setPdpInfo(connectionId, uid, { configured: config.isConfigured, encryptionMode: config.encryptionMode ?? null });
          learned++;
        } catch (err) {
          // Offline, auth or rate limits: the next sync tries again. A vanished client is left to the sync.
          if (!isAppError(err) || err.code !== 'NOT_FOUND') stop = true;
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (learned) deps.log(`pdp modes ${connectionId}: learned ${learned}`);
    return learned;
  }

  function refresh(connectionId: string, limit = PDP_MODE_BATCH): Promise<number> {
    const current = running.get(connectionId);
    if (current) return current;
    const promise = learn(connectionId, limit)
      .catch(() => 0)
      .finally(() => running.delete(connectionId));
    running.set(connectionId, promise);
    return promise;
  }

  async function close(): Promise<void> {
    closed = true;
    await Promise.all(running.values());
  }

  return { refresh, close };
}
