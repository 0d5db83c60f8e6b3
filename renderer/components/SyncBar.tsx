import { useTranslation } from 'react-i18next';
import type { Connection } from '../../shared/schemas/connections';
import type { SyncProgress } from '../../shared/schemas/cache';
import { timeAgo } from '../app/format-time';
import { errorSentence, storedError } from './error-wording';
import { ErrorDetails } from './ErrorNotice';
import { useStore } from '../stores/store';
import './offline.css';

function ProgressLine({ progress }: { progress: SyncProgress }) {
  const { t } = useTranslation();
  const known = progress.pagesTotal !== null && progress.pagesTotal > 0;
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <progress
        max={known ? progress.pagesTotal ?? 1 : undefined}
        value={known ? progress.pagesDone : undefined}
        aria-label={t('offline.syncing')}
      />
      <span>
        {known ? t('offline.pagesOf', { done: progress.pagesDone, total: progress.pagesTotal }) : t('offline.pages', { done: progress.pagesDone })}
        {' · '}
        {t('offline.rows', { count: progress.rows })}
        {' · '}
        {t('offline.rate', { rate: progress.ratePerSec })}
      </span>
    </div>
  );
}

function SyncRow({ connection }: { connection: Connection }) {
  const { t, i18n } = useTranslation();
  const progress = useStore((s) => s.syncProgress[connection.id]);
  const state = useStore((s) => s.syncStates[connection.id]);
  const syncNow = useStore((s) => s.syncNow);
  const running = progress?.state === 'running' || (state?.inProgress ?? false);
  const last = state?.lastCompletedAt ?? null;
  const failure = progress?.error ? storedError(progress.error.code, progress.error.message) : null;
  return (
    <div className="sync-row" data-sync-connection={connection.label} data-sync-state={running ? 'running' : (progress?.state ?? 'idle')}>
      <span className="sync-label">
        <strong>{connection.label}</strong>{' '}
        <span className="muted" data-testid="last-synced">
          {last ? t('offline.lastSynced', { when: timeAgo(last, i18n.language) }) : t('offline.neverSynced')}
        </span>
      </span>
      <button type="button" onClick={() => syncNow(connection.id)} disabled={running} data-sync-now={connection.label}>
        {running ? t('offline.syncing') : t('offline.syncNow')}
      </button>
      {progress?.state === 'running' && <ProgressLine progress={progress} />}
      {progress?.state === 'failed' && failure && (
        <div className="sync-error" role="alert" data-sync-error={failure.code}>
          {t('offline.syncFailed', { reason: errorSentence(failure, i18n.language, t) })}
          <ErrorDetails error={failure} />
        </div>
      )}
    </div>
  );
}

/** Per connection in scope: last synced, "Sync now", and a progress bar fed by sync.progress. Never blocks the list. */
export function SyncBar({ connections }: { connections: Connection[] }) {
  const { t } = useTranslation();
  return (
    <section className="sync-bar" aria-label={t('offline.syncSection')}>
      {connections.map((c) => (
        <SyncRow key={c.id} connection={c} />
      ))}
    </section>
  );
}
