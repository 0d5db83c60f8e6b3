import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc';
import { call } from '../../../app/bridge';
import { errorSentence, storedError } from '../../../components/error-wording';
import type { JobProgress } from '../../../stores/keys-slice';

type JobDetail = ChannelOutput<'factpulse.keys.job'>;

/** A job's bar and counters (done / failed / to confirm / remaining, rate). */
export function JobProgressView({ progress }: { progress: JobProgress }) {
  const { t } = useTranslation();
  const finished = progress.total - progress.remaining;
  return (
    <div className="job-progress" data-testid="job-progress" data-job-state={progress.state}>
      <progress max={progress.total} value={finished} aria-label={t('keys.jobs.progress')} />
      <span>
        <span className="badge">{t(`keys.jobs.states.${progress.state}`)}</span>{' '}
        {t('keys.bulk.progress', { done: progress.done, failed: progress.failed, unknown: progress.unknown, remaining: progress.remaining, rate: progress.ratePerSecond })}
      </span>
    </div>
  );
}

/** Per-client results of a job, loaded once it is no longer running (reloads when `version` changes). */
export function JobResults({ jobId, version, names }: { jobId: string; version: string; names: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<JobDetail | null>(null);
  useEffect(() => {
    let live = true;
    void call('factpulse.keys.job', { jobId }).then((d) => live && setDetail(d), () => undefined);
    return () => {
      live = false;
    };
  }, [jobId, version]);
  if (!detail) return null;
  return (
    <>
      <h3>{t('keys.bulk.results')}</h3>
      <ul className="plain-list" data-testid="job-results">
        {detail.items.map((item) => (
          <li key={item.clientUid} data-job-item={item.clientUid} data-item-state={item.state}>
            <span>{names[`${detail.connectionId}\u0000${item.clientUid}`] ?? item.clientUid}</span>
            <span className="fingerprint">{item.newFingerprint ? `${item.oldFingerprint ?? '∅'} → ${item.newFingerprint}` : ''}</span>
            <span className={item.state === 'done' ? 'ok' : item.state === 'queued' ? 'muted' : 'warn'} data-error-code={item.errorCode ?? undefined} title={item.errorCode ?? undefined}>
              {t(`keys.bulk.itemStates.${item.state}`)}
              {item.errorCode ? ` — ${errorSentence(storedError(item.errorCode), i18n.language, t)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
