import { useTranslation } from 'react-i18next';
import { timeAgo } from '../app/format-time';
import { useStore } from '../stores/store';
import './offline.css';

/** Says which connections cannot be reached, that the cache is shown, and that writes are queued. */
export function OfflineBanner({ connectionIds }: { connectionIds: string[] }) {
  const { t, i18n } = useTranslation();
  const connections = useStore((s) => s.connections);
  const statuses = useStore((s) => s.statuses);
  const syncStates = useStore((s) => s.syncStates);
  const offline = connections.filter((c) => connectionIds.includes(c.id) && statuses[c.id]?.state === 'offline');
  if (offline.length === 0) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <strong>{t('offline.bannerTitle', { count: offline.length })}</strong>
      <ul>
        {offline.map((c) => {
          const synced = syncStates[c.id]?.lastCompletedAt;
          return (
            <li key={c.id} data-offline-connection={c.label}>
              {t('offline.bannerLine', { label: c.label })}{' '}
              <span className="muted">
                {synced ? t('offline.cacheFrom', { when: timeAgo(synced, i18n.language) }) : t('offline.neverSynced')}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('offline.bannerHint')}</p>
    </div>
  );
}
