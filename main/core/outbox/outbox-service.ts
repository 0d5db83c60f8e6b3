import type { ClientRecord } from '../../../shared/domain';
import { AppError, isAppError } from '../../../shared/errors';
import type { OutboxItem } from '../../../shared/schemas/cache';
import type { AuditLog } from '../audit/audit-log';
import type { CacheDb } from '../cache/database';
import { contentHash } from '../cache/clients/mappers';
import { sameRecord } from '../cache/record-merge';
import type { EventBus } from '../ipc/event-bus';
import type { ClientInput, PdpConfigInput, Provider } from '../providers/types';
import type { Sealer } from '../vault/sealing';
import { createOutboxStore, SEALED_SECRET_PLACE } from './outbox-store';
import type { OutboxAction, OutboxRow, OutboxState } from './outbox-store';

/** Errors that mean "the server was not reached": the write is queued (or stays queued). */
export const UNREACHABLE = new Set(['OFFLINE', 'TIMEOUT', 'NETWORK']);
export const isUnreachable = (err: unknown): boolean => isAppError(err) && UNREACHABLE.has(err.code);

export type QueuedWrite =
  | { action: 'update'; fields: ClientInput }
  | { action: 'activate' | 'deactivate' | 'delete' }
  | { action: 'pdpConfig'; fields: PdpConfigInput };

export interface OutboxDeps {
  db: CacheDb;
  sealer: Pick<Sealer, 'prepare' | 'open'>;
  audit: AuditLog;
  events: EventBus;
  online<T>(connectionId: string, call: (provider: Provider) => Promise<T>): Promise<T>;
  /** The record as the server last showed it (cache), the base a conflict is judged against. */
  cachedRecord(connectionId: string, remoteId: string): ClientRecord | null;
  /** Stores a fresh server record in the cache. */
  refreshCache(record: ClientRecord): void;
  /** Tombstones a client the server deleted. */
  markRemoved(connectionId: string, remoteId: string): void;
}

export type OutboxOutcome = { outcome: 'applied' | 'dropped' | 'conflict' | 'failed' | 'queued'; item: OutboxItem | null };
export interface ReplayResult {
  applied: number;
  conflicts: number;
  failed: number;
  remaining: number;
}

const ACTION_LABEL: Record<OutboxAction, string> = {
  update: 'clients.update',
  activate: 'clients.setActive',
  deactivate: 'clients.setActive',
  pdpConfig: 'pdp.update',
  delete: 'clients.delete',
};

function parse(json: string | null): Record<string, unknown> | null {
  return json ? (JSON.parse(json) as Record<string, unknown>) : null;
}

export function describe(action: OutboxAction, payload: Record<string, unknown>): string {
  if (action === 'activate') return 'Activate';
  if (action === 'deactivate') return 'Deactivate';
  if (action === 'delete') return 'Delete';
  const fields = Object.keys((payload.fields as Record<string, unknown> | undefined) ?? {});
  if (action === 'pdpConfig') return `PDP configuration (${[...fields, 'client secret'].join(', ')})`;
  return `Edit ${fields.join(', ')}`;
}

export function toItem(row: OutboxRow): OutboxItem {
  const payload = parse(row.payload_json) ?? {};
  const mine = { ...payload, ...(row.sealed_secret ? { clientSecret: '(sealed)' } : {}) };
  return {
    id: row.id,
    connectionId: row.connection_id,
    remoteId: row.remote_id,
    action: row.action,
    summary: describe(row.action, payload),
    state: row.state,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    attempts: row.attempts,
    createdAt: row.created_at,
    mine,
    base: parse(row.base_json),
    theirs: parse(row.theirs_json),
  };
}

/**
 * Has the server's record changed since the base was cached? Its version, else updatedAt, else what both the
 * base and the server's answer say (a detail answer may carry other fields than the cached list row).
 */
export function isConflict(row: OutboxRow, server: ClientRecord): boolean {
  const base = parse(row.base_json) as ClientRecord | null;
  if (typeof base?.version === 'number' && typeof server.version === 'number') return base.version !== server.version;
  if (row.base_updated_at && server.updatedAt) return row.base_updated_at !== server.updatedAt;
  if (base?.extra) return !sameRecord(base, server);
  return row.base_hash !== null && row.base_hash !== contentHash(server);
}

export function createOutbox(deps: OutboxDeps) {
  const store = createOutboxStore(deps.db);
  const replaying = new Map<string, Promise<ReplayResult>>();

  function announce(connectionId: string): void {
    const c = store.counts(connectionId);
    deps.events.emit('outbox.changed', { connectionId, queued: c.queued, conflicts: c.conflict, failed: c.failed });
  }

  function audit(row: OutboxRow, outcome: 'ok' | 'failed' | 'queued' | 'conflict' | 'dropped', note: string, err?: unknown): void {
    const requestId = isAppError(err) && typeof err.details?.requestId === 'string' ? err.details.requestId : null;
    const payload = parse(row.payload_json) ?? {};
    deps.audit.append({
      connectionId: row.connection_id,
      clientId: row.remote_id,
      action: ACTION_LABEL[row.action],
      outcome,
      requestId,
      summary: `${describe(row.action, payload)} — ${note}${isAppError(err) ? ` (${err.code}: ${err.message})` : ''}`,
    });
  }

  async function queue(connectionId: string, remoteId: string, write: QueuedWrite): Promise<OutboxItem> {
    let payload: Record<string, unknown> = {};
    let sealSecret: ((rowId: number) => string) | undefined;
    if (write.action === 'update') payload = { fields: write.fields };
    if (write.action === 'pdpConfig') {
      const { clientSecret, ...rest } = write.fields;
      payload = { fields: rest };
      const seal = await deps.sealer.prepare();
      sealSecret = (rowId) => seal(clientSecret, { ...SEALED_SECRET_PLACE, rowId });
    }
    const base = deps.cachedRecord(connectionId, remoteId);
    const id = store.add({ connectionId, remoteId, action: write.action, payload, ...(sealSecret ? { sealSecret } : {}), base });
    const row = store.get(id) as OutboxRow;
    audit(row, 'queued', `queued offline as #${id}`);
    announce(connectionId);
    return toItem(row);
  }

  async function send(row: OutboxRow): Promise<ClientRecord | null> {
    const payload = parse(row.payload_json) ?? {};
    return deps.online(row.connection_id, async (p) => {
      const id = row.remote_id;
      if (row.action === 'delete') {
        if (!p.deleteClient) throw new AppError('UNSUPPORTED');
        await p.deleteClient(id);
        return null;
      }
      if (row.action === 'update') {
        if (!p.updateClient) throw new AppError('UNSUPPORTED');
        return p.updateClient(id, payload.fields as ClientInput);
      }
      if (row.action === 'pdpConfig') {
        if (!p.updatePdpConfig || !row.sealed_secret) throw new AppError('UNSUPPORTED');
        const clientSecret = await deps.sealer.open(row.sealed_secret, { ...SEALED_SECRET_PLACE, rowId: row.id });
        await p.updatePdpConfig(id, { ...(payload.fields as Omit<PdpConfigInput, 'clientSecret'>), clientSecret });
      } else {
        const call = row.action === 'activate' ? p.activateClient : p.deactivateClient;
        if (!call) throw new AppError('UNSUPPORTED');
        await call.call(p, id);
      }
      if (!p.getClient) throw new AppError('UNSUPPORTED');
      return p.getClient(id);
    });
  }

  /** One item: check the server's record against the base (unless forced), then apply. */
  async function replayOne(row: OutboxRow, force: boolean): Promise<OutboxOutcome['outcome'] | 'offline'> {
    try {
      if (!force) {
        const server = await deps.online(row.connection_id, (p) => {
          if (!p.getClient) throw new AppError('UNSUPPORTED');
          return p.getClient(row.remote_id);
        });
        if (isConflict(row, server)) {
          store.mark(row.id, 'conflict', { code: 'CONFLICT', message: 'The record changed on the server since it was cached.' }, server);
          audit(row, 'conflict', 'server record changed since it was cached; waiting for a decision');
          return 'conflict';
        }
      }
      const fresh = await send(row);
      deps.db.transaction(() => {
        if (fresh) {
          deps.refreshCache(fresh);
          store.rebaseLater(row, fresh);
        } else deps.markRemoved(row.connection_id, row.remote_id);
        store.remove(row.id);
      });
      audit(row, 'ok', `replayed from the outbox (#${row.id})`);
      return 'applied';
    } catch (err) {
      if (isUnreachable(err)) return 'offline';
      const error = isAppError(err) ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: 'The change could not be sent.' };
      store.mark(row.id, 'failed', error);
      audit(row, 'failed', `replay of #${row.id} failed`, err);
      return 'failed';
    }
  }

  async function replayAll(connectionId: string): Promise<ReplayResult> {
    const result: ReplayResult = { applied: 0, conflicts: 0, failed: 0, remaining: 0 };
    for (const row of store.list(connectionId, 'queued')) {
      if (store.isBlocked(row)) continue;
      const outcome = await replayOne(row, false);
      if (outcome === 'offline') break;
      if (outcome === 'applied') result.applied++;
      if (outcome === 'conflict') result.conflicts++;
      if (outcome === 'failed') result.failed++;
    }
    result.remaining = store.list(connectionId).length;
    announce(connectionId);
    return result;
  }

  /** Replays the connection's queued items in order; concurrent calls share one run. */
  function replay(connectionId: string): Promise<ReplayResult> {
    const current = replaying.get(connectionId);
    if (current) return current;
    const run = replayAll(connectionId).finally(() => replaying.delete(connectionId));
    replaying.set(connectionId, run);
    return run;
  }

  function need(id: number, states: OutboxState[]): OutboxRow {
    const row = store.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This queued change no longer exists.');
    if (!states.includes(row.state)) throw new AppError('VALIDATION', `This change is ${row.state}, not ${states.join(' or ')}.`);
    return row;
  }

  async function finish(row: OutboxRow, outcome: OutboxOutcome['outcome'] | 'offline'): Promise<OutboxOutcome> {
    announce(row.connection_id);
    const after = store.get(row.id);
    return { outcome: outcome === 'offline' ? 'queued' : outcome, item: after ? toItem(after) : null };
  }

  async function resolve(id: number, choice: 'mine' | 'theirs'): Promise<OutboxOutcome> {
    const row = need(id, ['conflict']);
    const theirs = parse(row.theirs_json) as ClientRecord | null;
    if (choice === 'theirs') {
      deps.db.transaction(() => {
        if (theirs) deps.refreshCache(theirs);
        store.remove(row.id);
      });
      audit(row, 'dropped', `conflict on #${row.id} resolved: kept the server's version`);
      return finish(row, 'dropped');
    }
    // Keep mine: the server's current record becomes the base, then the change is sent as is.
    if (theirs) store.rebase(row.id, theirs);
    store.requeue(row.id);
    const rebased = store.get(row.id) as OutboxRow;
    return finish(rebased, await replayOne(rebased, true));
  }

  async function retry(id: number): Promise<OutboxOutcome> {
    const row = need(id, ['failed', 'queued']);
    store.requeue(row.id);
    return finish(row, await replayOne(store.get(row.id) as OutboxRow, false));
  }

  function discard(id: number): void {
    const row = need(id, ['queued', 'conflict', 'failed']);
    store.remove(row.id);
    audit(row, 'dropped', `discarded by the user (#${row.id})`);
    announce(row.connection_id);
  }

  return {
    queue,
    replay,
    resolve,
    retry,
    discard,
    list: (connectionId?: string, state?: OutboxState) => store.list(connectionId, state).map(toItem),
    forget: (connectionId: string) => store.forget(connectionId),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
