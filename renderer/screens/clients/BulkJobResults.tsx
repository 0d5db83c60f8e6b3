import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientJobDetail, ClientJobItem, ClientJobProgress } from '../../../shared/schemas/client-jobs';
import { call } from '../../app/bridge';
import { errorSentence, storedError } from '../../components/error-wording';

/** A bulk job's bar and counters. */
export function BulkJobProgress({ progress }: { progress: ClientJobProgress }) {
  const { t } = useTranslation();
  return (
    <div className="job-progress" data-testid="bulk-progress" data-job-state={progress.state}>
      <progress max={progress.total} value={progress.total - progress.remaining} aria-label={t('bulk.progressLabel')} />
      <span>
        <span className="badge">{t(`bulk.states.${progress.state}`)}</span>{' '}
        {t('bulk.progress', { done: progress.done, queued: progress.queued, failed: progress.failed + progress.cancelled, remaining: progress.remaining })}
      </span>
    </div>
  );
}

function ItemSentence({ item, action }: { item: ClientJobItem; action: ClientJobDetail['action'] }) {
  const { t, i18n } = useTranslation();
  if (item.state === 'done') return <span className="ok">{t(`bulk.item.done.${action}`)}</span>;
  if (item.state === 'failed') {
    const reason = errorSentence(storedError(item.errorCode ?? 'INTERNAL', item.error ?? ''), i18n.language, t);
    return <span className="warn">{t('bulk.item.failed', { reason })}</span>;
  }
  return <span className={item.state === 'queued' ? 'muted' : 'warn'}>{t(`bulk.item.${item.state}`)}</span>;
}

/** Per-client results (failures and queued ones first), loaded again whenever `version` changes. */
export function BulkJobResults({ jobId, version }: { jobId: string; version: string }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<ClientJobDetail | null>(null);
  useEffect(() => {
    let live = true;
    void call('clients.bulkJob', { jobId }).then((d) => live && setDetail(d), () => undefined);
    return () => {
      live = false;
    };
  }, [jobId, version]);
  if (!detail) return null;
  return (
    <>
      <h3>{t('bulk.results')}</h3>
      {detail.itemsTotal > detail.items.length && <p className="muted">{t('bulk.resultsMore', { shown: detail.items.length, total: detail.itemsTotal })}</p>}
      {/* Scrolls when long: focusable so the keyboard can scroll it too. */}
      <ul className="plain-list bulk-results" data-testid="bulk-results" tabIndex={0} aria-label={t('bulk.results')}>
        {detail.items.map((item) => (
          <li key={`${item.connectionId}/${item.remoteId}`} data-bulk-item={item.remoteId} data-item-state={item.state}>
            <span>{item.name}</span>
            <ItemSentence item={item} action={detail.action} />
          </li>
        ))}
      </ul>
    </>
  );
}
