import { useTranslation } from 'react-i18next';
import { useStore } from '../../stores/store';
import '../../components/offline.css';

/** The client's changes waiting in the outbox (queued offline, in conflict, or failed). */
export function PendingChanges({ connectionId, remoteId }: { connectionId: string; remoteId: string }) {
  const { t, i18n } = useTranslation();
  const all = useStore((s) => s.outboxItems);
  const items = all.filter((i) => i.connectionId === connectionId && i.remoteId === remoteId);
  const navigate = useStore((s) => s.navigate);
  if (items.length === 0) return null;
  return (
    <section className="card pending-card" data-testid="pending-changes" aria-labelledby="pending-title">
      <header className="card-head">
        <h2 id="pending-title">{t('offline.pendingTitle')}</h2>
        <button type="button" onClick={() => navigate({ screen: 'activity' })}>{t('offline.openActivity')}</button>
      </header>
      <ul className="pending-list">
        {items.map((item) => (
          <li key={item.id} data-outbox-state={item.state}>
            <span className={`badge ${item.state === 'queued' ? 'pending' : 'danger'}`}>{t(`offline.state.${item.state}`)}</span>{' '}
            {item.summary}{' '}
            <span className="muted">· {new Date(item.createdAt).toLocaleString(i18n.language)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('offline.pendingHint')}</p>
    </section>
  );
}
