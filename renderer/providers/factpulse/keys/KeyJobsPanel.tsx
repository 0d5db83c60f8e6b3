import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors';
import { call, errorShape } from '../../../app/bridge';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useSecretsInMemoryOnly } from '../../../components/KeychainBanner';
import { useStore } from '../../../stores/store';
import type { KeyJob } from '../../../stores/keys-slice';
import { JobProgressView, JobResults } from './JobProgressView';

/** Bulk rotation jobs, newest first: live progress, resume (after a restart), cancel, results. */
export function KeyJobsPanel({ jobs, names }: { jobs: KeyJob[]; names: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const live = useStore((s) => s.jobProgress);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [details, setDetails] = useState<KeyJob | null>(null);
  const refused = useSecretsInMemoryOnly() ? t('keychain.refusedBecause') : undefined;

  async function act(channel: 'factpulse.keys.bulkResume' | 'factpulse.keys.bulkCancel', jobId: string) {
    setError(null);
    try {
      useStore.getState().receiveJobProgress(await call(channel, { jobId }));
      await useStore.getState().loadKeys();
    } catch (err) {
      setError(errorShape(err));
    }
  }

  return (
    <section className="keys-section" aria-labelledby="keys-jobs-title">
      <h2 id="keys-jobs-title">{t('keys.jobs.title')}</h2>
      <ErrorNotice error={error} />
      {jobs.length === 0 ? (
        <p className="muted">{t('keys.jobs.empty')}</p>
      ) : (
        <table className="data keys-table" data-testid="keys-jobs">
          <thead>
            <tr>
              <th>{t('keys.jobs.created')}</th>
              <th>{t('keys.jobs.progress')}</th>
              <th>{t('keys.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const progress = live[job.jobId] && job.state === 'running' ? live[job.jobId]! : job;
              return (
                <tr key={job.jobId} data-job={job.jobId} data-job-state={progress.state}>
                  <td>{new Date(job.createdAt).toLocaleString(i18n.language)}</td>
                  <td><JobProgressView progress={progress} /></td>
                  <td>
                    <div className="row-actions">
                      {progress.state === 'paused' && (
                        <button type="button" disabled={refused !== undefined} title={refused} onClick={() => void act('factpulse.keys.bulkResume', job.jobId)}>{t('keys.jobs.resume')}</button>
                      )}
                      {(progress.state === 'paused' || progress.state === 'running') && (
                        <button type="button" className="danger" onClick={() => void act('factpulse.keys.bulkCancel', job.jobId)}>{t('keys.jobs.cancel')}</button>
                      )}
                      <button type="button" onClick={() => setDetails(job)}>{t('keys.jobs.details')}</button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {details && (
        <Dialog title={t('keys.bulk.results')} onClose={() => setDetails(null)} onSubmit={() => setDetails(null)} testId="keys-job-results" actions={<button type="submit" className="primary">{t('keys.close')}</button>}>
          <JobResults jobId={details.jobId} version={details.state} names={names} />
        </Dialog>
      )}
    </section>
  );
}
