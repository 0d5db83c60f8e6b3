import { useTranslation } from 'react-i18next';
import { useOfflineData } from '../app/use-offline-data';
import { DemoCard } from '../components/DemoCard';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { OfflineBanner } from '../components/OfflineBanner';
import { outboxCounts } from '../stores/offline-slice';
import { useStore } from '../stores/store';
import { ActivityChart } from './dashboard/ActivityChart';
import { ConnectionFigures } from './dashboard/ConnectionFigures';
import { useFigures } from './dashboard/use-figures';
import '../components/offline.css';
import './dashboard/dashboard.css';

/** With no connection: what the app is for, and the demo workspace. Otherwise: figures per connection and the activity of the last 30 days. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const loaded = useStore((s) => s.connectionsLoaded);
  const outbox = useStore((s) => s.outboxItems);
  const navigate = useStore((s) => s.navigate);
  useOfflineData();
  const { figures, credentials, error } = useFigures();
  const waiting = outboxCounts(outbox);
  const waitingTotal = waiting.queued + waiting.conflicts + waiting.failed;
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('nav.dashboard')}</h1>
      </header>
      {connections.length === 0 ? (
        <>
          <EmptyState purpose={t('empty.dashboard')} />
          {loaded && <DemoCard />}
        </>
      ) : (
        <>
          <OfflineBanner connectionIds={connections.map((c) => c.id)} />
          {waitingTotal > 0 && (
            <p className="queued-notice" data-testid="dashboard-outbox">
              {t('offline.dashboardOutbox', { queued: waiting.queued, conflicts: waiting.conflicts, failed: waiting.failed })}{' '}
              <button type="button" className="link" onClick={() => navigate({ screen: 'activity' })}>{t('offline.openActivity')}</button>
            </p>
          )}
          <ErrorNotice error={error} />
          {figures === null ? (
            <p className="muted" aria-busy="true" data-testid="dashboard-loading">{t('dashboard.figuresLoading')}</p>
          ) : (
            <>
              <ul className="figures-list" data-testid="dashboard-figures">
                {connections.map((c) => {
                  const found = figures.connections.find((f) => f.connectionId === c.id);
                  return found ? <ConnectionFigures key={c.id} connection={c} figures={found} credentials={credentials.filter((r) => r.connectionId === c.id)} /> : null;
                })}
              </ul>
              <ActivityChart days={figures.activity} />
            </>
          )}
        </>
      )}
    </section>
  );
}
