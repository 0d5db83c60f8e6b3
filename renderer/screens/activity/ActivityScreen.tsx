import { useTranslation } from 'react-i18next';
import { useOfflineData } from '../../app/use-offline-data';
import { OfflineBanner } from '../../components/OfflineBanner';
import { useStore } from '../../stores/store';
import { AuditSection } from './AuditSection';
import { OutboxSection } from './OutboxSection';
import './activity.css';

/** What is waiting to be sent (outbox) and what was done (audit log). */
export function ActivityScreen() {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  useOfflineData();
  return (
    <section className="screen activity-screen">
      <header className="screen-header">
        <h1>{t('nav.activity')}</h1>
      </header>
      <OfflineBanner connectionIds={connections.map((c) => c.id)} />
      <OutboxSection />
      <AuditSection />
    </section>
  );
}
