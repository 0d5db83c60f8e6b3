import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineData } from '../../app/use-offline-data';
import { DemoCard } from '../../components/DemoCard';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OfflineBanner } from '../../components/OfflineBanner';
import { SyncBar } from '../../components/SyncBar';
import { scopeConnections } from '../../stores/clients-scope';
import { useStore } from '../../stores/store';
import { ClientsCounts } from './ClientsCounts';
import { ClientsTable } from './ClientsTable';
import { ClientsToolbar } from './ClientsToolbar';
import { Pager } from './Pager';
import { clientsView } from './clients-view';
import { BulkJobsNotice } from './BulkJobsNotice';
import { BulkStatusDialog } from './BulkStatusDialog';
import type { BulkStatusTarget } from './BulkStatusDialog';
import { SelectionBar } from './SelectionBar';
import { isSelected, rowKey, selectionRequest } from './selection-model';
import { useBulkScope } from './use-bulk-scope';
import { useRowSelection } from './use-row-selection';

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
  const inScope = useMemo(() => scopeConnections(connections, scope), [connections, scope]);
  const view = useMemo(() => clientsView(inScope), [inScope]);
  const creatable = inScope.filter((c) => c.capabilities.includes('create'));
  const connectionKey = connections.map((c) => c.id).join(',');
  const bulk = useBulkScope(inScope);
  const pageKeys = useMemo(() => page?.rows.map(rowKey) ?? [], [page]);
  const rows = useRowSelection(pageKeys, bulk.filterKey);
  const [bulkTarget, setBulkTarget] = useState<BulkStatusTarget | null>(null);
  const [jobsVersion, setJobsVersion] = useState(0);
  const closeBulk = () => {
    if (bulkTarget && 'selection' in bulkTarget) rows.clear();
    setBulkTarget(null);
    setJobsVersion((v) => v + 1);
    void useStore.getState().loadClients();
  };

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
      {inScope.some((c) => c.demo) && <p className="banner">{t('clients.demoBanner')}</p>}
      <OfflineBanner connectionIds={inScope.map((c) => c.id)} />
      <SyncBar connections={inScope} />
      <ClientsToolbar view={view} />
      <ClientsCounts view={view} />
      <BulkJobsNotice version={jobsVersion} onShow={(job) => setBulkTarget({ action: job.action, jobId: job.jobId })} />
      {page && (
        <SelectionBar
          selection={rows.selection}
          count={rows.count}
          onPage={pageKeys.filter((k) => isSelected(rows.selection, k)).length}
          pageRows={pageKeys.length}
          total={page.total}
          actions={bulk.actions}
          onSelectAll={rows.selectAll}
          onClear={rows.clear}
          onAction={(action) => setBulkTarget({ action, selection: selectionRequest(rows.selection, bulk.filter) })}
        />
      )}
      <ErrorNotice error={error} title={t('offline.listFailed')} />
      <div className="list-region" aria-busy={loading}>
        {page ? (
          <ClientsTable rows={page.rows} columns={view.columns} select={bulk.actions.length > 0 ? rows : undefined} />
        ) : (
          loading && <p className="loading">{t('common.loading')}</p>
        )}
      </div>
      {page && <Pager page={page} loading={loading} />}
      {bulkTarget && <BulkStatusDialog target={bulkTarget} onClose={closeBulk} />}
    </section>
  );
}
