import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import { WebhookSecretDialog } from './WebhookSecretDialog';
import { WebhookVerifyDialog } from './keys/WebhookVerifyDialog';
import { useRemote } from '../../screens/clients/use-remote';

/** The webhook signing secret: whether one exists, generate (shown once), delete. */
export function WebhookPanel({ connectionId, remoteId }: { connectionId: string; remoteId: string }) {
  const { t, i18n } = useTranslation();
  const status = useRemote(`${connectionId}/${remoteId}`, () => call('factpulse.webhook.status', { connectionId, remoteId }));
  const [generating, setGenerating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const value = status.value;

  async function remove() {
    await call('factpulse.webhook.delete', { connectionId, remoteId, confirm: true });
    status.reload();
    useStore.getState().toast('success', t('webhook.deleted'));
  }

  return (
    <section className="card" aria-labelledby="webhook-title" data-testid="webhook-panel">
      <header className="card-head">
        <h2 id="webhook-title">{t('webhook.title')}</h2>
        {value && (
          <span className={value.hasSecret ? 'badge active' : 'badge inactive'} data-webhook-secret={value.hasSecret}>
            {value.hasSecret ? t('webhook.hasSecret') : t('webhook.noSecret')}
          </span>
        )}
      </header>
      <ErrorNotice error={status.error} />
      {status.loading && <p className="muted">{t('common.loading')}</p>}
      {value && (
        <>
          <dl className="facts">
            <dt>{t('webhook.createdAt')}</dt>
            <dd>{value.createdAt ? new Date(value.createdAt).toLocaleString(i18n.language) : '—'}</dd>
            <dt>{t('webhook.savedLocally')}</dt>
            <dd>{value.savedLocally ? t('webhook.inKeychain') : t('ui.no')}</dd>
          </dl>
          <p className="muted">{t('webhook.explain')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setGenerating(true)}>
              {value.hasSecret ? t('webhook.regenerate') : t('webhook.generate')}
            </button>
            {value.hasSecret && (
              <button type="button" className="danger" onClick={() => setDeleting(true)}>{t('webhook.delete')}</button>
            )}
            {value.savedLocally && <button type="button" onClick={() => setVerifying(true)}>{t('keys.webhook.verify')}</button>}
          </div>
        </>
      )}
      {generating && (
        <WebhookSecretDialog
          connectionId={connectionId}
          remoteId={remoteId}
          replacing={value?.hasSecret ?? false}
          onGenerated={status.reload}
          onClose={() => setGenerating(false)}
        />
      )}
      {verifying && <WebhookVerifyDialog connectionId={connectionId} clientUid={remoteId} onClose={() => setVerifying(false)} />}
      {deleting && (
        <ConfirmDialog
          title={t('webhook.deleteTitle')}
          body={t('webhook.deleteBody')}
          confirmLabel={t('webhook.delete')}
          danger
          onConfirm={remove}
          onClose={() => setDeleting(false)}
        />
      )}
    </section>
  );
}
