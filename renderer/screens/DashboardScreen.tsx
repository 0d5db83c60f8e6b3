import { useTranslation } from 'react-i18next';
import { DemoCard } from '../components/DemoCard';
import { EmptyState } from '../components/EmptyState';
import { ConnectionStateBadge } from '../components/StatusBadge';
import { useStore } from '../stores/store';

/** With no connection: what the app is for, and the demo workspace. Otherwise: one line per connection. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const loaded = useStore((s) => s.connectionsLoaded);
  const statuses = useStore((s) => s.statuses);
  const navigate = useStore((s) => s.navigate);
  const select = useStore((s) => s.selectClientsConnection);
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
        <ul className="dashboard-list">
          {connections.map((c) => (
            <li key={c.id} className="card card-head">
              <span>
                <strong>{c.label}</strong> {c.demo && <span className="badge sandbox">{t('common.demoBadge')}</span>}
                <span className="muted mono"> {c.baseUrl}</span>
              </span>
              <span className="actions">
                <ConnectionStateBadge state={statuses[c.id]?.state ?? 'unknown'} />
                <button
                  type="button"
                  onClick={() => {
                    select(c.id);
                    navigate({ screen: 'clients' });
                  }}
                >
                  {t('ui.openClients')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
