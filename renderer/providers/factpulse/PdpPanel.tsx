import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdpConfigView } from '../../../shared/schemas/clients';
import { call } from '../../app/bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PdpFacts } from './PdpFacts';
import { useStore } from '../../stores/store';
import { PdpForm } from './PdpForm';
import { PdpKeyFact } from './keys/PdpKeyFact';
import { useRemote } from '../../screens/clients/use-remote';

/** The client's PDP configuration: what is set, the secret's state, the double-mode key, and the edit form. */
export function PdpPanel({ connectionId, remoteId, onChanged }: { connectionId: string; remoteId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const pdp = useRemote(`${connectionId}/${remoteId}`, () => call('factpulse.pdp.get', { connectionId, remoteId }));
  const [editing, setEditing] = useState(false);
  const config = pdp.value;
  const isDouble = config?.encryptionMode === 'double';

  function saved(next: PdpConfigView | null) {
    setEditing(false);
    if (!next) {
      useStore.getState().toast('success', t('offline.queuedToast'));
      void useStore.getState().loadOutbox();
      return;
    }
    pdp.set(next);
    useStore.getState().toast('success', t('pdp.saved'));
    onChanged();
  }

  return (
    <section className="card" aria-labelledby="pdp-title" data-testid="pdp-panel">
      <header className="card-head">
        <h2 id="pdp-title">{t('pdp.title')}</h2>
        {config && (
          <span className={config.isConfigured ? 'badge active' : 'badge inactive'} data-pdp-configured={config.isConfigured}>
            {config.isConfigured ? t('pdp.configured') : t('pdp.notConfigured')}
          </span>
        )}
      </header>
      <ErrorNotice error={pdp.error} />
      {pdp.loading && <p className="muted">{t('common.loading')}</p>}
      {config && !editing && (
        <>
          {config.fromCache && <p className="muted" data-pdp-offline>{t('offline.pdpFromCache')}</p>}
          {config.isConfigured ? <PdpFacts config={config} /> : <p className="muted">{t('pdp.none')}</p>}
          {isDouble && <PdpKeyFact connectionId={connectionId} clientUid={remoteId} />}
          <div className="actions">
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {config.isConfigured ? t('pdp.edit') : t('pdp.configure')}
            </button>
          </div>
        </>
      )}
      {config && editing && <PdpForm connectionId={connectionId} remoteId={remoteId} current={config} onSaved={saved} onCancel={() => setEditing(false)} />}
    </section>
  );
}
