import type { ClientRecord } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { mergeDetail } from '../cache/record-merge';
import type { CoreContext } from '../core-context';
import type { Provider } from '../providers/types';

export type SetActive = (connectionId: string, remoteId: string, active: boolean) => Promise<{ status: string; message: string }>;

function statusCall(provider: Provider, active: boolean, remoteId: string) {
  const capability = active ? 'activate' : 'deactivate';
  const fn = active ? provider.activateClient : provider.deactivateClient;
  if (!provider.capabilities.has(capability) || typeof fn !== 'function') throw new AppError('UNSUPPORTED', `This connection cannot ${capability}.`);
  return fn.call(provider, remoteId);
}

function cachedRecord(ctx: Pick<CoreContext, 'cache'>, connectionId: string, remoteId: string): ClientRecord | null {
  const found = ctx.cache.reads.record(connectionId, remoteId);
  if (!found) return null;
  const { contentHash: _hash, ...record } = found;
  return record;
}

/**
 * Activates or deactivates one client the way a user's single change does: audited, queued in the outbox when
 * the server cannot be reached, and the cache refreshed from the server's answer afterwards.
 */
export function createSetActive(ctx: Pick<CoreContext, 'writes' | 'online' | 'cache'>): SetActive {
  return (connectionId, remoteId, active) => {
    const action = active ? ('activate' as const) : ('deactivate' as const);
    const spec = { connectionId, remoteId, action: 'clients.setActive', summary: active ? 'Activate' : 'Deactivate', queue: { action } };
    return ctx.writes.write(
      spec,
      () => ctx.online(connectionId, (p) => statusCall(p, active, remoteId)),
      async (result) => {
        const fresh = await ctx.online(connectionId, (p) => {
          if (!p.capabilities.has('get') || typeof p.getClient !== 'function') throw new AppError('UNSUPPORTED', 'This connection cannot get.');
          return p.getClient(remoteId);
        });
        const merged = mergeDetail(cachedRecord(ctx, connectionId, remoteId), fresh);
        // The status the server just confirmed wins over a detail answer that does not carry one.
        const status = result.status === 'active' || result.status === 'inactive' ? result.status : merged.status;
        ctx.cache.put({ ...merged, status });
      },
    );
  };
}
