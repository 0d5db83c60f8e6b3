import { useTranslation } from 'react-i18next';
import { call } from '../app/bridge';
import { useAction } from '../app/use-action';
import { useStore } from '../stores/store';
import { ErrorNotice } from './ErrorNotice';

/** Offered while there is no connection: starts the built-in FactPulse sandbox and connects to it. */
export function DemoCard() {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const start = () =>
    run(async () => {
      const connection = await call('demo.start', {});
      const { loadConnections, toast, selectClientsConnection, navigate, testConnection } = useStore.getState();
      await loadConnections();
      void testConnection(connection.id);
      toast('success', t('demo.started'));
      selectClientsConnection(connection.id);
      navigate({ screen: 'clients' });
    });
  return (
    <section className="card demo-card" aria-labelledby="demo-title" data-testid="demo-card">
      <div className="demo-head">
        <h2 id="demo-title">{t('demo.title')}</h2>
        <span className="badge sandbox">{t('common.demoBadge')}</span>
      </div>
      <p>{t('demo.body')}</p>
      <p className="muted">{t('demo.note')}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
        {busy ? t('demo.starting') : t('demo.start')}
      </button>
      <ErrorNotice error={error} />
    </section>
  );
}
