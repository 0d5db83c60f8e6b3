import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../core-context';
import type { HandlerMap } from '../router';
import { exportAudit, exportAuditText } from '../../audit/audit-export';

type CacheChannels =
  | 'clients.window'
  | 'clients.counts'
  | 'clients.facetValues'
  | 'clients.forgetCached'
  | 'sync.now'
  | 'sync.state'
  | 'outbox.list'
  | 'outbox.replay'
  | 'outbox.resolve'
  | 'outbox.retry'
  | 'outbox.discard'
  | 'audit.list'
  | 'audit.verify'
  | 'audit.export';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

/**
 * Tombstones a client the server said is gone, without calling the server; a client never cached here is
 * refused, so the window cannot make up a row to drop. A full sync brings it back if the server still lists it.
 */
function forgetCached(ctx: CoreContext, connectionId: string, remoteId: string) {
  ctx.connections.get(connectionId);
  if (!ctx.cache.reads.get(connectionId, remoteId)) {
    throw new AppError('NOT_FOUND', 'This client is not in this computer\'s cache.', { fields: [{ field: 'remoteId', message: 'Unknown client.' }] });
  }
  ctx.cache.markRemoved(connectionId, remoteId);
  ctx.audit.append({ connectionId, clientId: remoteId, action: 'clients.forgetCached', outcome: 'ok', summary: 'clients.forgetCached' });
  return { forgotten: true as const };
}

/** Offline cache, sync, outbox and audit log. Reads never touch the network. */
export function createCacheHandlers(ctx: CoreContext): Pick<HandlerMap, CacheChannels> {
  async function connectionIds(): Promise<string[]> {
    return (await ctx.connections.list()).map((c) => c.id);
  }

  return {
    'clients.window': (q: In<'clients.window'>) => ctx.cache.reads.window(q),
    'clients.counts': ({ connectionIds: ids }: In<'clients.counts'>) => ctx.cache.reads.counts(ids),
    'clients.facetValues': ({ connectionId, key }: In<'clients.facetValues'>) => {
      ctx.connections.get(connectionId);
      return ctx.cache.reads.facetValues(connectionId, key);
    },
    'clients.forgetCached': ({ connectionId, remoteId }: In<'clients.forgetCached'>) => forgetCached(ctx, connectionId, remoteId),
    'sync.now': ({ connectionId }: In<'sync.now'>) => {
      ctx.connections.get(connectionId);
      return ctx.sync.syncNow(connectionId);
    },
    'sync.state': async () => ctx.sync.states(await connectionIds()),
    'outbox.list': ({ connectionId, state }: In<'outbox.list'>) => ctx.outbox.list(connectionId, state),
    'outbox.replay': ({ connectionId }: In<'outbox.replay'>) => {
      ctx.connections.get(connectionId);
      return ctx.outbox.replay(connectionId);
    },
    'outbox.resolve': ({ id, choice }: In<'outbox.resolve'>) => ctx.outbox.resolve(id, choice),
    'outbox.retry': ({ id }: In<'outbox.retry'>) => ctx.outbox.retry(id),
    'outbox.discard': ({ id }: In<'outbox.discard'>) => {
      ctx.outbox.discard(id);
      return { discarded: true as const };
    },
    'audit.list': (q: In<'audit.list'>) => ctx.audit.list(q),
    'audit.verify': () => ctx.audit.verify(),
    'audit.export': ({ format, path, connectionId }: In<'audit.export'>) =>
      path === undefined
        ? { path: null, ...exportAuditText(ctx.audit, format, connectionId) }
        : { ...exportAudit(ctx.audit, path, format, connectionId), content: null },
  };
}
