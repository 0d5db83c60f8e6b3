import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability, ClientRecord } from '../../../shared/domain';
import type { ProviderDescriptor } from '../../../shared/providers/descriptor';
import type { Connection } from '../../../shared/schemas/connections';
import { call } from '../../app/bridge';
import { isQueuedWrite } from '../../app/queued';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStore } from '../../stores/store';
import { DeleteClientDialog } from './DeleteClientDialog';

interface Props {
  connection: Connection;
  descriptor: ProviderDescriptor;
  record: ClientRecord;
  /** null: the provider cannot edit clients. */
  onEdit: (() => void) | null;
  onChanged(record: ClientRecord): void;
  onQueued(): void;
}

/** Edit, activate / deactivate (a status change, or the DELETE a provider calls deactivation) and delete. */
export function ClientActions({ connection, descriptor, record, onEdit, onChanged, onQueued }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'toggle' | 'delete' | null>(null);
  const { connectionId, remoteId } = record;
  const can = (capability: Capability) => connection.capabilities.includes(capability);
  const byDelete = descriptor.deactivate === 'delete';
  // A deactivation through DELETE cannot be undone from here; a status change can.
  const active = byDelete ? record.status !== 'inactive' : record.status === 'active';
  const canToggle = descriptor.deactivate !== 'none' && can(active ? 'deactivate' : 'activate');
  const system = t(`providers.${descriptor.id}.name`);

  async function toggle() {
    try {
      await call('clients.setActive', { connectionId, remoteId, active: !active });
    } catch (err) {
      if (!isQueuedWrite(err)) throw err;
      onQueued();
      return;
    }
    onChanged(await call('clients.get', { connectionId, remoteId }));
    useStore.getState().toast('success', t(active ? 'clients.deactivated' : 'clients.activated', { name: record.name }));
    void useStore.getState().loadClients();
  }

  function deleted(queued: boolean) {
    void useStore.getState().loadClients();
    if (queued) {
      void useStore.getState().loadOutbox();
      return;
    }
    useStore.getState().toast('success', t('clients.deleted', { name: record.name }));
    useStore.getState().navigate({ screen: 'clients' });
  }

  return (
    <div className="actions">
      {onEdit && <button type="button" onClick={onEdit}>{t('clients.edit')}</button>}
      {canToggle && (
        <button type="button" className={active ? 'danger' : 'primary'} onClick={() => setDialog('toggle')}>
          {active ? t('clients.deactivate') : t('clients.activate')}
        </button>
      )}
      {can('delete') && <button type="button" className="danger" onClick={() => setDialog('delete')}>{t('clients.delete')}</button>}
      {dialog === 'toggle' && (
        <ConfirmDialog
          title={t(active ? 'clients.deactivateTitle' : 'clients.activateTitle', { name: record.name })}
          body={t(byDelete ? 'clients.deactivateByDeleteBody' : active ? 'clients.deactivateBody' : 'clients.activateBody', { system })}
          confirmLabel={active ? t('clients.deactivate') : t('clients.activate')}
          danger={active}
          onConfirm={toggle}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && (
        <DeleteClientDialog connectionId={connectionId} remoteId={remoteId} name={record.name} onDeleted={deleted} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
