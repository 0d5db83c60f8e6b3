import { useTranslation } from 'react-i18next';
import { call } from '../../app/bridge';
import { useStore } from '../../stores/store';
import { ClientForm } from './ClientForm';
import type { ClientFormFields } from './ClientForm';

export function ClientCreateScreen({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connections.find((c) => c.id === connectionId));
  const navigate = useStore((s) => s.navigate);

  async function create(fields: ClientFormFields) {
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
      {connection && <p className="muted">{t('clients.onConnection', { label: connection.label })}</p>}
      <div className="card">
        <ClientForm submitLabel={t('clients.create')} onSubmit={create} onCancel={() => navigate({ screen: 'clients' })} />
      </div>
    </section>
  );
}
