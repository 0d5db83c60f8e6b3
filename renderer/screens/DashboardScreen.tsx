import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCounts } from '../../shared/schemas/cache';
import { call } from '../app/bridge';
import { timeAgo } from '../app/format-time';
import { useOfflineData } from '../app/use-offline-data';
import { DemoCard } from '../components/DemoCard';
import { EmptyState } from '../components/EmptyState';
import { OfflineBanner } from '../components/OfflineBanner';
import { ConnectionStateBadge } from '../components/StatusBadge';
import { outboxCounts } from '../stores/offline-slice';
import { useStore } from '../stores/store';
import '../components/offline.css';

/** Cached counts per connection, refreshed when a sync ends or the outbox changes. */
function useCounts(): ClientCounts | null {
  const syncStates = useStore((s) => s.syncStates);
  const outbox = useStore((s) => s.outboxItems);
  const [counts, setCounts] = useState<ClientCounts | null>(null);
  useEffect(() => {
    let live = true;
    call('clients.counts', {}).then(
      (value) => live && setCounts(value),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [syncStates, outbox]);
  return counts;
}

/** With no connection: what the app is for, and the demo workspace. Otherwise: one line per connection. */
export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const connections = useStore((s) => s.connections);
  const loaded = useStore((s) => s.connectionsLoaded);
  const statuses = useStore((s) => s.statuses);
  const outbox = useStore((s) => s.outboxItems);
  const navigate = useStore((s) => s.navigate);
  const select = useStore((s) => s.selectClientsConnection);
  useOfflineData();
  const counts = useCounts();
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
          <ul className="dashboard-list">
            {connections.map((c) => {
              const cached = counts?.byConnection.find((b) => b.connectionId === c.id);
              const pending = outboxCounts(outbox, c.id);
              return (
                <li key={c.id} className="card card-head" data-dashboard-connection={c.label}>
                  <span>
                    <strong>{c.label}</strong> {c.demo && <span className="badge sandbox">{t('common.demoBadge')}</span>}
                    <span className="muted mono"> {c.baseUrl}</span>
                    <br />
                    {/* Until the counts arrive, say so: "0 clients cached · never synced" would be false. */}
                    <span className="muted" data-testid="dashboard-counts" aria-busy={counts === null}>
                      {counts === null ? (
                        t('common.loading')
                      ) : (
                        <>
                          {t('offline.cachedClients', { count: cached?.total ?? 0 })}
                          {' · '}
                          {cached?.lastSynced ? t('offline.lastSynced', { when: timeAgo(cached.lastSynced, i18n.language) }) : t('offline.neverSynced')}
                        </>
                      )}
                      {pending.queued + pending.conflicts + pending.failed > 0 &&
                        ` · ${t('offline.pendingCount', { count: pending.queued + pending.conflicts + pending.failed })}`}
                    </span>
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
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
