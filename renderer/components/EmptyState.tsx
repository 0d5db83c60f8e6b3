import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';

/** What an empty screen says: what it will hold, and how to add a connection when there is none. */
export function EmptyState({ purpose }: { purpose: string }) {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const navigate = useStore((s) => s.navigate);
  return (
    <div className="empty-state" role="status">
      <p className="empty-purpose">{purpose}</p>
      {connections.length === 0 && (
        <div className="empty-connect">
          <h3>{t('empty.noConnectionTitle')}</h3>
          <p>{t('empty.noConnectionBody')}</p>
          <button type="button" className="primary" onClick={() => navigate({ screen: 'connections' })}>
            {t('empty.goConnections')}
          </button>
        </div>
      )}
    </div>
  );
}
