import type { CoreContext } from '../core-context';
import { providerModule } from '../providers';
import { createBulkStatusService } from './bulk-status';
import type { BulkStatusService } from './bulk-status';
import { createClientJobStore } from './job-store';
import { createSetActive } from './set-active';

export type { BulkStatusService } from './bulk-status';

/** Bulk activate / deactivate over the core's cache, write-through and connections; jobs left running are paused. */
export function createClientJobs(ctx: CoreContext, connectionIds: () => string[]): BulkStatusService {
  const service = createBulkStatusService({
    store: createClientJobStore(ctx.db),
    reads: ctx.cache.reads,
    connectionIds,
    capabilities: (id) => providerModule(ctx.connections.get(id).provider).descriptor.capabilities,
    setActive: createSetActive(ctx),
    audit: ctx.audit,
    emit: (progress) => ctx.events.emit('clients.bulkProgress', progress),
  });
  service.pauseInterrupted();
  return service;
}
