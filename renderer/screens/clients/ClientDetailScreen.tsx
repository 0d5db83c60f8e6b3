import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { DESCRIPTORS } from '../../../shared/providers';
import type { ClientFields } from '../../../shared/schemas/clients';
import { call, errorShape } from '../../app/bridge';
import { isQueuedWrite } from '../../app/queued';
import { useOfflineData } from '../../app/use-offline-data';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OfflineBanner } from '../../components/OfflineBanner';
import { ClientStatusBadge } from '../../components/StatusBadge';
import { extensionFor } from '../../providers';
import { useStore } from '../../stores/store';
import { ClientActions } from './ClientActions';
import { ClientFacts } from './ClientFacts';
import { ClientForm } from './ClientForm';
import { GoneNotice, isGone } from './GoneNotice';
import { NewerVersionNotice } from './NewerVersionNotice';
import { PendingChanges } from './PendingChanges';
import { newerVersionOf } from './newer-version';
import type { NewerVersion } from './newer-version';
import { useRemote } from './use-remote';

export function ClientDetailScreen({ connectionId, remoteId }: { connectionId: string; remoteId: string }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const connection = useStore((s) => s.connections.find((c) => c.id === connectionId));
  const client = useRemote(`${connectionId}/${remoteId}`, () => call('clients.get', { connectionId, remoteId }));
  const [editing, setEditing] = useState(false);
  const [queued, setQueued] = useState(false);
  const [newer, setNewer] = useState<{ versions: NewerVersion; fields: ClientFields } | null>(null);
  /** An edit the server refused because the client no longer exists there. */
  const [goneOnEdit, setGoneOnEdit] = useState<AppErrorShape | null>(null);
  const gone = isGone(client.error) ? client.error : goneOnEdit;
  useOfflineData();
  const record = client.value;
  const descriptor = connection ? DESCRIPTORS[connection.provider] : null;
  const extension = extensionFor(connection?.provider);
  const can = (capability: Capability) => connection?.capabilities.includes(capability) ?? false;
  const editable = can('update') && descriptor !== null && descriptor.update !== 'none';

  /** Offline, the write is kept in the outbox: not an error, but the user must know it is not sent yet. */
  function queuedOffline() {
    setQueued(true);
    setEditing(false);
    useStore.getState().toast('success', t('offline.queuedToast'));
    void useStore.getState().loadOutbox();
  }

  async function send(fields: ClientFields, overwriteNewer: boolean) {
    if (Object.keys(fields).length === 0) {
      setEditing(false);
      return;
    }
    const baseVersion = record?.version;
    const updated = await call('clients.update', {
      connectionId,
      remoteId,
      fields,
      ...(baseVersion !== undefined ? { baseVersion } : {}),
      ...(overwriteNewer ? { overwriteNewer: true } : {}),
    });
    client.set(updated);
    setEditing(false);
    setNewer(null);
    useStore.getState().toast('success', t('clients.saved', { name: updated.name }));
    void useStore.getState().loadClients();
  }

  /** A queued write closes the form; a newer server version asks the user (the form keeps the edit). */
  function handled(err: unknown, fields: ClientFields): boolean {
    if (isQueuedWrite(err)) {
      queuedOffline();
      return true;
    }
    const shape = errorShape(err);
    if (isGone(shape)) {
      setGoneOnEdit(shape);
      return true;
    }
    const versions = newerVersionOf(err);
    if (versions) setNewer({ versions, fields });
    return versions !== null;
  }

  function reload() {
    setNewer(null);
    setEditing(false);
    client.reload();
  }

  return (
    <section className="screen">
      <header className="screen-header">
        <div className="title-row">
          <h1>{record?.name ?? t('clients.detailTitle')}</h1>
          {record && <ClientStatusBadge status={record.status} />}
        </div>
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>{t('clients.back')}</button>
      </header>
      {connection?.demo && <p className="banner">{t('clients.demoBanner')}</p>}
      <OfflineBanner connectionIds={[connectionId]} />
      {queued && (
        <p className="queued-notice" role="status" data-testid="queued-notice">
          {t('offline.queuedNotice')}
        </p>
      )}
      <PendingChanges connectionId={connectionId} remoteId={remoteId} />
      {gone ? <GoneNotice connectionId={connectionId} remoteId={remoteId} error={gone} /> : <ErrorNotice error={client.error} title={t('clients.loadFailed')} />}
      {client.loading && <p className="loading">{t('common.loading')}</p>}
      {record && descriptor && connection && (
        <section className="card" aria-labelledby="client-details-title">
          <header className="card-head">
            <h2 id="client-details-title">{editing ? t('clients.editTitle') : t('clients.details')}</h2>
            {!editing && (
              <ClientActions
                connection={connection}
                descriptor={descriptor}
                record={record}
                onEdit={editable ? () => setEditing(true) : null}
                onChanged={client.set}
                onQueued={queuedOffline}
              />
            )}
          </header>
          {newer && (
            <NewerVersionNotice versions={newer.versions} onSaveAnyway={() => send(newer.fields, true)} onReload={reload} />
          )}
          {editing ? (
            <ClientForm
              descriptor={descriptor}
              extension={extension}
              mode="update"
              record={record}
              submitLabel={t('common.save')}
              onSubmit={(fields) => send(fields, false)}
              handled={handled}
              onCancel={() => {
                setEditing(false);
                setNewer(null);
              }}
            />
          ) : (
            <ClientFacts record={record} descriptor={descriptor} extension={extension} />
          )}
        </section>
      )}
      {record && (
        <div className="panels">
          {extension.clientPanels
            .filter((panel) => !panel.requires || can(panel.requires))
            .map(({ id, Component }) => (
              <Component key={id} connectionId={connectionId} remoteId={remoteId} record={record} onChanged={client.reload} />
            ))}
        </div>
      )}
    </section>
  );
}
