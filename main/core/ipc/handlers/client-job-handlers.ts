import type { BulkStatusService } from '../../clients/bulk-status';
import type { HandlerMap } from '../router';

type ClientJobChannels = 'clients.bulkPreview' | 'clients.bulkStart' | 'clients.bulkCancel' | 'clients.bulkResume' | 'clients.bulkJob' | 'clients.bulkJobs';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

export function createClientJobHandlers(jobs: BulkStatusService): Pick<HandlerMap, ClientJobChannels> {
  return {
    'clients.bulkPreview': async ({ action, selection }: In<'clients.bulkPreview'>) => jobs.preview(action, selection),
    'clients.bulkStart': async ({ action, selection }: In<'clients.bulkStart'>) => jobs.start(action, selection),
    'clients.bulkCancel': async ({ jobId }: In<'clients.bulkCancel'>) => jobs.cancel(jobId),
    'clients.bulkResume': async ({ jobId }: In<'clients.bulkResume'>) => jobs.resume(jobId),
    'clients.bulkJob': async ({ jobId }: In<'clients.bulkJob'>) => jobs.job(jobId),
    'clients.bulkJobs': async () => jobs.jobs(),
  };
}
