import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientJobSummary } from '../../../shared/schemas/client-jobs';
import { call } from '../../app/bridge';

/** Bulk changes left paused (cancelled midway, or cut short by a quit): each can be shown and resumed. */
export function BulkJobsNotice({ version, onShow }: { version: number; onShow(job: ClientJobSummary): void }) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState<ClientJobSummary[]>([]);
  useEffect(() => {
    let live = true;
    void call('clients.bulkJobs').then((jobs) => live && setPaused(jobs.filter((j) => j.state === 'paused')), () => undefined);
    return () => {
      live = false;
    };
  }, [version]);
  if (paused.length === 0) return null;
  return (
    <ul className="plain-list bulk-paused" data-testid="bulk-paused">
      {paused.map((job) => (
        <li key={job.jobId} className="banner" data-bulk-job={job.jobId}>
          <span>{t(`bulk.interrupted.${job.action}`, { remaining: job.remaining, total: job.total })}</span>
          <button type="button" onClick={() => onShow(job)}>{t('bulk.show')}</button>
        </li>
      ))}
    </ul>
  );
}
