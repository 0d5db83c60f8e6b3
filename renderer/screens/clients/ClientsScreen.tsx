import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineData } from '../../app/use-offline-data';
import { DemoCard } from '../../components/DemoCard';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OfflineBanner } from '../../components/OfflineBanner';
import { SyncBar } from '../../components/SyncBar';
import { ALL_CONNECTIONS } from '../../stores/clients-slice';
import { useStore } from '../../stores/store';
import { ClientsCounts } from './ClientsCounts';
import { ClientsTable } from './ClientsTable';
import { ClientsToolbar } from './ClientsToolbar';
import { Pager } from './Pager';

/** Every cached client, searched and filtered locally: works the same online and offline. */
export function ClientsScreen() {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const loaded = useStore((s) => s.connectionsLoaded);
  const scope = useStore((s) => s.clientsConnectionId);
  const page = useStore((s) => s.clientsPage);
  const error = useStore((s) => s.clientsError);
  const loading = useStore((s) => s.clientsLoading);
  const navigate = useStore((s) => s.navigate);
  useOfflineData();
  const inScope = scope === ALL_CONNECTIONS ? connections : connections.filter((c) => c.id === scope);
  const creatable = inScope.filter((c) => c.capabilities.includes('create'));
  const connectionKey = connections.map((c) => c.id).join(',');

  useEffect(() => {
    if (connectionKey) void useStore.getState().loadClients();
  }, [connectionKey]);

  if (loaded && connections.length === 0) {
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
          {creatable[0] && (
            <button type="button" className="primary" onClick={() => navigate({ screen: 'client-new', connectionId: creatable[0]!.id })}>
              {t('clients.new')}
            </button>
          )}
        </div>
      </header>
      {inScope.some((c) => c.demo) && <p className="banner">{t('demo.banner')}</p>}
      <OfflineBanner connectionIds={inScope.map((c) => c.id)} />
      <SyncBar connections={inScope} />
      <ClientsToolbar />
      <ClientsCounts />
      <ErrorNotice error={error} title={t('offline.listFailed')} />
      <div className="list-region" aria-busy={loading}>
        {page ? (
          <ClientsTable rows={page.rows} showConnection={inScope.length > 1} />
        ) : (
          loading && <p className="loading">{t('common.loading')}</p>
        )}
      </div>
      {page && <Pager page={page} loading={loading} />}
    </section>
  );
}
