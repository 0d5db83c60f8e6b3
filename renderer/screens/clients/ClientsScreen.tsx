import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoCard } from '../../components/DemoCard';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import { ClientsTable } from './ClientsTable';
import { Pager } from './Pager';

/** The server's clients, one page at a time. */
export function ClientsScreen() {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const loaded = useStore((s) => s.connectionsLoaded);
  const selectedId = useStore((s) => s.clientsConnectionId);
  const page = useStore((s) => s.clientsPage);
  const error = useStore((s) => s.clientsError);
  const loading = useStore((s) => s.clientsLoading);
  const navigate = useStore((s) => s.navigate);
  const selectConnection = useStore((s) => s.selectClientsConnection);
  const current = connections.find((c) => c.id === selectedId) ?? connections[0];
  const currentId = current?.id;

  useEffect(() => {
    if (currentId) void useStore.getState().loadClients();
  }, [currentId]);

  if (loaded && !current) {
    return (
      <section className="screen">
        <header className="screen-header">
          <h1>{t('nav.clients')}</h1>
        </header>
        <DemoCard />
        <EmptyState purpose={t('empty.clients')} />
      </section>
    );
  }
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('nav.clients')}</h1>
        <div className="actions">
          {connections.length > 1 && (
            <>
              <label htmlFor="clients-connection" className="sr-only">{t('clients.connection')}</label>
              <select id="clients-connection" value={currentId ?? ''} onChange={(e) => selectConnection(e.target.value)}>
                {connections.map((c) => (
                  <option key={c.id} value={c.id}>{c.label}</option>
                ))}
              </select>
            </>
          )}
          <button type="button" onClick={() => void useStore.getState().loadClients()} disabled={loading}>
            {t('clients.refresh')}
          </button>
          {current && (
            <button type="button" className="primary" onClick={() => navigate({ screen: 'client-new', connectionId: current.id })}>
              {t('clients.new')}
            </button>
          )}
        </div>
      </header>
      {current?.demo && <p className="banner">{t('demo.banner')}</p>}
      <ErrorNotice error={error} title={t('clients.loadFailed')} />
      <div aria-busy={loading}>
        {page ? <ClientsTable rows={page.rows} /> : loading && <p className="loading">{t('common.loading')}</p>}
      </div>
      {page && <Pager page={page} loading={loading} />}
    </section>
  );
}
