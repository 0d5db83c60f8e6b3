import { AppError, isAppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../log';
import type { Outbox, QueuedWrite } from './outbox-service';
import { isUnreachable } from './outbox-service';

export interface WriteSpec {
  connectionId: string;
  remoteId: string | null;
  /** Channel-like action name for the audit log, e.g. clients.update. */
  action: string;
  /** What the user asked for, without secrets (redacted again by the audit log). */
  summary: string;
  /** When set and the server is unreachable, the write is queued in the outbox instead of failing. */
  queue?: QueuedWrite;
}

export interface WriteThrough {
  /** Runs a user's write: audits the outcome, refreshes the cache after success, queues it when offline. */
  write<T>(spec: WriteSpec, run: () => Promise<T>, after?: (result: T) => Promise<void> | void): Promise<T>;
  /** Runs a read; when the server is unreachable, answers from the cache if it can. */
  read<T>(run: () => Promise<T>, fromCache: () => T | null): Promise<T>;
}

/** The reference a support ticket can quote: the vendor's error id, the FAPI interaction id, else ours. */
function requestIdOf(err: unknown): string | null {
  if (!isAppError(err)) return null;
  for (const key of ['supportId', 'interactionId', 'requestId'] as const) {
    const value = err.details?.[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

export function createWriteThrough(deps: { audit: AuditLog; outbox: Outbox; log: Logger }): WriteThrough {
  async function write<T>(spec: WriteSpec, run: () => Promise<T>, after?: (result: T) => Promise<void> | void): Promise<T> {
    const base = { connectionId: spec.connectionId, clientId: spec.remoteId, action: spec.action };
    let result: T;
    try {
      result = await run();
    } catch (err) {
      if (spec.queue && spec.remoteId && isUnreachable(err)) {
        const item = await deps.outbox.queue(spec.connectionId, spec.remoteId, spec.queue);
        throw new AppError('OFFLINE', 'The server cannot be reached: the change is saved and will be sent when the connection is back.', {
          queued: true,
          outboxId: item.id,
        });
      }
      const code = isAppError(err) ? err.code : 'INTERNAL';
      deps.audit.append({ ...base, outcome: 'failed', requestId: requestIdOf(err), summary: `${spec.summary} — refused (${code})` });
      throw err;
    }
    deps.audit.append({ ...base, outcome: 'ok', summary: spec.summary });
    try {
      await after?.(result);
    } catch (err) {
      // The write succeeded; a stale cache row is fixed by the next sync.
      deps.log(`${spec.action}: cache refresh failed: ${isAppError(err) ? err.code : 'error'}`);
    }
    return result;
  }

  async function read<T>(run: () => Promise<T>, fromCache: () => T | null): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      const cached = fromCache();
      if (cached === null) throw err;
      return cached;
    }
  }

  return { write, read };
}
