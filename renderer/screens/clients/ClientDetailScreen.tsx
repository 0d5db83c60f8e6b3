import { useState } from 'react';
import { isQueuedWrite } from '../../app/queued';
import { useOfflineData } from '../../app/use-offline-data';
import { OfflineBanner } from '../../components/OfflineBanner';
import { PendingChanges } from './PendingChanges';
import { useTranslation } from 'react-i18next';
import type { Capability, ClientRecord } from '../../../shared/domain';
import { call } from '../../app/bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ClientStatusBadge } from '../../components/StatusBadge';
import { useStore } from '../../stores/store';
import { ClientFacts } from './ClientFacts';
import { ClientForm } from './ClientForm';
import type { ClientFormFields } from './ClientForm';
import { PdpPanel } from './PdpPanel';
import { WebhookPanel } from './WebhookPanel';
import { useRemote } from './use-remote';

export function ClientDetailScreen({ connectionId, remoteId }: { connectionId: string; remoteId: string }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const connection = useStore((s) => s.connections.find((c) => c.id === connectionId));
  const client = useRemote(`${connectionId}/${remoteId}`, () => call('clients.get', { connectionId, remoteId }));
  const [editing, setEditing] = useState(false);
  const [toggling, setToggling] = useState(false);
  const [queued, setQueued] = useState(false);
  useOfflineData();
  const record = client.value;
  const can = (capability: Capability) => connection?.capabilities.includes(capability) ?? false;

  /** Offline, the write is kept in the outbox: not an error, but the user must know it is not sent yet. */
  function queuedOffline() {
    setQueued(true);
    setEditing(false);
    useStore.getState().toast('success', t('offline.queuedToast'));
    void useStore.getState().loadOutbox();
  }

  async function save(form: ClientFormFields) {
    // Only what the user changed: the audit log and a later conflict then show exactly that.
    const fields = Object.fromEntries(
      (Object.keys(form) as Array<keyof ClientFormFields>).filter((k) => form[k] !== record?.[k]).map((k) => [k, form[k]]),
    ) as Partial<ClientFormFields>;
    if (Object.keys(fields).length === 0) {
      setEditing(false);
      return;
    }
    try {
      const updated = await call('clients.update', { connectionId, remoteId, fields });
      client.set(updated);
      setEditing(false);
      useStore.getState().toast('success', t('clients.saved', { name: updated.name }));
      void useStore.getState().loadClients();
    } catch (err) {
      if (!isQueuedWrite(err)) throw err;
      queuedOffline();
    }
  }

  async function setActive(current: ClientRecord) {
    const active = current.status !== 'active';
    try {
      await call('clients.setActive', { connectionId, remoteId, active });
    } catch (err) {
      if (!isQueuedWrite(err)) throw err;
      queuedOffline();
      return;
    }
    client.set(await call('clients.get', { connectionId, remoteId }));
    useStore.getState().toast('success', t(active ? 'clients.activated' : 'clients.deactivated', { name: current.name }));
    void useStore.getState().loadClients();
  }

  const active = record?.status === 'active';
  return (
    <section className="screen">
      <header className="screen-header">
        <div className="title-row">
          <h1>{record?.name ?? t('clients.detailTitle')}</h1>
          {record && <ClientStatusBadge status={record.status} />}
        </div>
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>{t('clients.back')}</button>
      </header>
      {connection?.demo && <p className="banner">{t('demo.banner')}</p>}
      <OfflineBanner connectionIds={[connectionId]} />
      {queued && (
        <p className="queued-notice" role="status" data-testid="queued-notice">
          {t('offline.queuedNotice')}
        </p>
      )}
      <PendingChanges connectionId={connectionId} remoteId={remoteId} />
      <ErrorNotice error={client.error} title={t('clients.loadFailed')} />
      {client.loading && <p className="loading">{t('common.loading')}</p>}
      {record && (
        <section className="card" aria-labelledby="client-details-title">
          <header className="card-head">
            <h2 id="client-details-title">{editing ? t('clients.editTitle') : t('clients.details')}</h2>
            {!editing && (
              <div className="actions">
                {can('update') && <button type="button" onClick={() => setEditing(true)}>{t('clients.edit')}</button>}
                {can(active ? 'deactivate' : 'activate') && (
                  <button type="button" className={active ? 'danger' : 'primary'} onClick={() => setToggling(true)}>
                    {active ? t('clients.deactivate') : t('clients.activate')}
                  </button>
                )}
              </div>
            )}
          </header>
          {editing ? (
            <ClientForm record={record} submitLabel={t('common.save')} onSubmit={save} onCancel={() => setEditing(false)} />
          ) : (
            <ClientFacts record={record} />
          )}
        </section>
      )}
      {record && (
        <div className="panels">
          {can('pdpConfig') && <PdpPanel connectionId={connectionId} remoteId={remoteId} onChanged={client.reload} />}
          {can('webhookSecret') && <WebhookPanel connectionId={connectionId} remoteId={remoteId} />}
        </div>
      )}
      {toggling && record && (
        <ConfirmDialog
          title={t(active ? 'clients.deactivateTitle' : 'clients.activateTitle', { name: record.name })}
          body={t(active ? 'clients.deactivateBody' : 'clients.activateBody')}
          confirmLabel={active ? t('clients.deactivate') : t('clients.activate')}
          danger={active}
          onConfirm={() => setActive(record)}
          onClose={() => setToggling(false)}
        />
      )}
    </section>
  );
}
