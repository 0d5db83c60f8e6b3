import { AppError } from '../../../../shared/errors';
import type { Capability } from '../../../../shared/domain';
import type { CoreContext } from '../../core-context';
import type { Provider } from '../../providers/types';
import type { HandlerMap } from '../router';
import { providerModule } from '../../providers';
import { mergeDetail } from '../../cache/record-merge';
import { checkClientFields } from '../../../../shared/providers/field-schema';
import type { ClientInput } from '../../providers/types';
import { createSetActive } from '../../clients/set-active';

type ClientChannels =
  | 'clients.page'
  | 'clients.get'
  | 'clients.create'
  | 'clients.update'
  | 'clients.setActive'
  | 'clients.delete';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

/** Resolves a provider method only when the connection's provider has the capability. */
export function need<K extends keyof Provider>(provider: Provider, capability: Capability, method: K): NonNullable<Provider[K]> {
  const fn = provider[method];
  if (!provider.capabilities.has(capability) || typeof fn !== 'function') {
    throw new AppError('UNSUPPORTED', `This connection cannot ${capability}.`);
  }
  return (fn as (...args: unknown[]) => unknown).bind(provider) as NonNullable<Provider[K]>;
}

/** Field names and (non-secret) values for the audit summary; redacted again by the audit log. */
export function fieldSummary(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${JSON.stringify(v)?.slice(0, 120) ?? ''}`)
    .join(', ');
}

function cachedRecord(ctx: CoreContext, connectionId: string, remoteId: string) {
  const found = ctx.cache.reads.record(connectionId, remoteId);
  if (!found) return null;
  const { contentHash: _hash, ...record } = found;
  return record;
}

/** A provider page answered from the cache (name order), or null when nothing is cached. */
function cachedPage(ctx: CoreContext, connectionId: string, page: number, pageSize: number) {
  const window = ctx.cache.reads.window({
    connectionIds: [connectionId], sort: 'name', direction: 'asc', offset: (page - 1) * pageSize, limit: pageSize, includeTotal: true,
  });
  if (!window.total) return null;
  return { rows: window.rows.map(({ syncedAt: _s, removed: _r, encryptionMode: _e, pdpConfigured: _p, pending: _q, highlight: _h, ...row }) => row), total: window.total, page, pageSize };
}

export function createClientHandlers(ctx: CoreContext): Pick<HandlerMap, ClientChannels> {
  // Reads fall back to the cache when the server is unreachable; writes are audited, refresh
  // the cache, and (edit, activate/deactivate, delete) are queued in the outbox when offline.
  const { read, write } = ctx.writes;
  /** Reads a client from the server into the cache, keeping what its detail answer does not say. */
  async function fetchFresh(connectionId: string, remoteId: string) {
    const fresh = await ctx.online(connectionId, (p) => need(p, 'get', 'getClient')(remoteId));
    const merged = mergeDetail(cachedRecord(ctx, connectionId, remoteId), fresh);
    ctx.cache.put(merged);
    return merged;
  }

  async function clientsPage({ connectionId, page, pageSize }: In<'clients.page'>) {
    return read(
      async () => {
        const result = await ctx.online(connectionId, (p) => p.listClients(page, pageSize));
        return { rows: result.records, total: result.total, page: result.page, pageSize: result.pageSize };
      },
      () => cachedPage(ctx, connectionId, page, pageSize),
    );
  }
  function getClient({ connectionId, remoteId }: In<'clients.get'>) {
    return read(
      () => fetchFresh(connectionId, remoteId),
      () => cachedRecord(ctx, connectionId, remoteId),
    );
  }
  const descriptorOf = (connectionId: string) => providerModule(ctx.connections.get(connectionId).provider).descriptor;

  /** A full-record update (PUT) sends the cached record with the change laid over it. */
  function completeForPut(connectionId: string, remoteId: string, fields: ClientInput): ClientInput {
    if (descriptorOf(connectionId).update !== 'put') return fields;
    const cached = cachedRecord(ctx, connectionId, remoteId);
    if (!cached) return fields;
    return { name: cached.name, identifier: cached.identifier, ...fields };
  }

  /** An online edit made on an older version than the server's asks the user first (CONFLICT with both). */
  async function checkNotNewer(connectionId: string, remoteId: string, baseVersion: number | undefined, overwrite: boolean | undefined) {
    if (baseVersion === undefined || overwrite) return;
    const server = await ctx.online(connectionId, (p) => need(p, 'get', 'getClient')(remoteId));
    if (typeof server.version === 'number' && server.version > baseVersion) {
      ctx.cache.put(server);
      throw new AppError('CONFLICT', `The server has a newer version of this client (version ${server.version}; you edited version ${baseVersion}).`, {
        serverVersion: server.version,
        baseVersion,
        theirs: server,
      });
    }
  }

  function createClient({ connectionId, fields: given }: In<'clients.create'>) {
    const fields = checkClientFields(descriptorOf(connectionId), given, 'create');
    const spec = { connectionId, remoteId: null, action: 'clients.create', summary: `Create ${fieldSummary(fields)}` };
    return write(spec, () => ctx.online(connectionId, (p) => need(p, 'create', 'createClient')(fields)), (record) => ctx.cache.put(record));
  }
  async function updateClient({ connectionId, remoteId, fields: given, baseVersion, overwriteNewer }: In<'clients.update'>) {
    const fields = checkClientFields(descriptorOf(connectionId), given, 'update');
    const spec = { connectionId, remoteId, action: 'clients.update', summary: `Edit ${fieldSummary(fields)}`, queue: { action: 'update' as const, fields } };
    return write(
      spec,
      async () => {
        await checkNotNewer(connectionId, remoteId, baseVersion, overwriteNewer);
        return ctx.online(connectionId, (p) => need(p, 'update', 'updateClient')(remoteId, completeForPut(connectionId, remoteId, fields)));
      },
      (record) => ctx.cache.put(mergeDetail(cachedRecord(ctx, connectionId, remoteId), record)),
    );
  }
  async function deleteClient({ connectionId, remoteId, confirmName }: In<'clients.delete'>) {
    const cached = cachedRecord(ctx, connectionId, remoteId);
    if (!cached || confirmName.trim() !== cached.name.trim()) {
      throw new AppError('VALIDATION', 'Type the client’s name exactly to confirm the deletion.', {
        fields: [{ field: 'confirmName', message: 'validation.confirmName' }],
      });
    }
    const spec = { connectionId, remoteId, action: 'clients.delete', summary: `Delete "${cached.name}"`, queue: { action: 'delete' as const } };
    try {
      await write(spec, () => ctx.online(connectionId, (p) => need(p, 'delete', 'deleteClient')(remoteId)), () => ctx.cache.markRemoved(connectionId, remoteId));
      return { deleted: true as const, queued: false };
    } catch (err) {
      if (err instanceof AppError && err.code === 'OFFLINE' && err.details?.queued) return { deleted: true as const, queued: true };
      throw err;
    }
  }
  const changeStatus = createSetActive(ctx);
  function setActive({ connectionId, remoteId, active }: In<'clients.setActive'>) {
    return changeStatus(connectionId, remoteId, active);
  }
  return {
    'clients.page': clientsPage,
    'clients.get': getClient,
    'clients.create': createClient,
    'clients.update': updateClient,
    'clients.setActive': setActive,
    'clients.delete': deleteClient,
  };
}
