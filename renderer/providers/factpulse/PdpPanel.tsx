import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdpConfigView } from '../../../shared/schemas/clients';
import { call } from '../../app/bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import { PdpForm } from './PdpForm';
import { PdpKeyFact } from '../../screens/keys/PdpKeyFact';
import { useRemote } from '../../screens/clients/use-remote';

function yesNo(t: (k: string) => string, v: boolean | null | undefined): string {
  return v === true ? t('ui.yes') : v === false ? t('ui.no') : '—';
}

function PdpFacts({ config }: { config: PdpConfigView }) {
  const { t, i18n } = useTranslation();
  const secret = config.secretStatus;
  return (
    <dl className="facts" data-testid="pdp-facts">
      <dt>{t('pdp.flowServiceUrl')}</dt>
      <dd className="mono">{config.flowServiceUrl ?? '—'}</dd>
      <dt>{t('pdp.tokenUrl')}</dt>
      <dd className="mono">{config.tokenUrl ?? '—'}</dd>
      <dt>{t('pdp.oauthClientId')}</dt>
      <dd className="mono">{config.oauthClientId ?? '—'}</dd>
      <dt>{t('pdp.isActive')}</dt>
      <dd>{yesNo(t, config.isActive)}</dd>
      <dt>{t('pdp.modeSandbox')}</dt>
      <dd>{yesNo(t, config.modeSandbox)}</dd>
      <dt>{t('pdp.encryptionMode')}</dt>
      <dd data-fact="encryption-mode">{config.encryptionMode ? t(`pdp.mode.${config.encryptionMode}`, { defaultValue: config.encryptionMode }) : '—'}</dd>
      <dt>{t('pdp.secretStatus')}</dt>
      <dd data-fact="secret-status">
        {secret ? `${secret.status}${secret.message ? ` — ${secret.message}` : ''}` : '—'}
        {secret?.requiresClientKey && <span className="warn"> · {t('pdp.requiresClientKey')}</span>}
      </dd>
      {config.lastTestAt && (
        <>
          <dt>{t('pdp.lastTest')}</dt>
          <dd className={config.lastTestSuccess ? 'ok' : 'warn'}>
            {new Date(config.lastTestAt).toLocaleString(i18n.language)} · {config.lastTestSuccess ? t('ui.ok') : (config.lastTestError ?? t('ui.failed'))}
          </dd>
        </>
      )}
    </dl>
  );
}

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
