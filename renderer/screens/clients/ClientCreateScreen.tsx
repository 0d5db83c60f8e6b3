import { useTranslation } from 'react-i18next';
import { DESCRIPTORS } from '../../../shared/providers';
import type { ClientFields } from '../../../shared/schemas/clients';
import { call } from '../../app/bridge';
import { extensionFor } from '../../providers';
import { scopeConnections } from '../../stores/clients-scope';
import { useStore } from '../../stores/store';
import { ClientForm } from './ClientForm';

/** A new client on a connection whose provider can create one; the form is that provider's. */
export function ClientCreateScreen({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const scope = useStore((s) => s.clientsConnectionId);
  const navigate = useStore((s) => s.navigate);
  const connection = connections.find((c) => c.id === connectionId);
  const choices = scopeConnections(connections, scope).filter((c) => c.capabilities.includes('create'));
  const descriptor = connection && connection.capabilities.includes('create') ? DESCRIPTORS[connection.provider] : null;

  async function create(fields: ClientFields) {
    const record = await call('clients.create', { connectionId, fields });
    const { toast, loadClients } = useStore.getState();
    toast('success', t('clients.created', { name: record.name }));
    void loadClients();
    navigate({ screen: 'client', connectionId, remoteId: record.remoteId });
  }

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('clients.newTitle')}</h1>
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>{t('clients.back')}</button>
      </header>
      {choices.length > 1 ? (
        <div className="card-inline">
          <label htmlFor="client-new-connection">{t('clients.connection')}</label>{' '}
          <select id="client-new-connection" value={connectionId} onChange={(e) => navigate({ screen: 'client-new', connectionId: e.target.value })}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
        </div>
      ) : (
        connection && <p className="muted">{t('clients.onConnection', { label: connection.label })}</p>
      )}
      {descriptor ? (
        <div className="card">
          <ClientForm
            key={connectionId}
            descriptor={descriptor}
            extension={extensionFor(descriptor.id)}
            mode="create"
            submitLabel={t('clients.create')}
            onSubmit={create}
            onCancel={() => navigate({ screen: 'clients' })}
          />
        </div>
      ) : (
        <p className="muted" data-testid="create-unsupported">{t('clients.cannotCreate')}</p>
      )}
    </section>
  );
}
