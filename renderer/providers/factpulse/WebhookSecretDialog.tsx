import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/bridge';
import { useAction } from '../../app/use-action';
import { copySecret } from '../../app/clipboard';
import { Checkbox } from '../../components/Checkbox';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';

interface Props {
  connectionId: string;
  remoteId: string;
  replacing: boolean;
  onGenerated(): void;
  onClose(): void;
}

interface Generated {
  secret: string;
  savedToKeychain: boolean;
}

/** Asks whether to keep a copy in the keychain, generates, then shows the secret once with Copy. */
export function WebhookSecretDialog({ connectionId, remoteId, replacing, onGenerated, onClose }: Props) {
  const { t } = useTranslation();
  const [save, setSave] = useState(true);
  const { busy, error, run } = useAction();
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [hidden, setHidden] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const generate = () =>
    run(async () => {
      const result = await call('factpulse.webhook.generate', { connectionId, remoteId, saveToKeychain: save });
      setGenerated({ secret: result.webhookSecret, savedToKeychain: result.savedToKeychain });
      onGenerated();
      useStore.getState().toast('success', t('webhook.generated'));
    });

  async function copy(secret: string) {
    setCopyState((await copySecret(secret)) ? 'copied' : 'failed');
  }

  if (!generated) {
    return (
      <Dialog
        title={t('webhook.generateTitle')}
        onClose={onClose}
        onSubmit={() => !busy && void generate()}
        testId="webhook-generate-dialog"
        actions={
          <>
            <button type="button" onClick={onClose}>{t('common.cancel')}</button>
            <button type="submit" className="primary" disabled={busy} data-autofocus>
              {busy ? t('ui.working') : t('webhook.generate')}
            </button>
          </>
        }
      >
        <p>{replacing ? t('webhook.replaceWarning') : t('webhook.generateBody')}</p>
        <Checkbox id="webhook-save" label={t('webhook.saveInKeychain')} checked={save} onChange={setSave} />
        <ErrorNotice error={error} />
      </Dialog>
    );
  }
  return (
    <Dialog
      title={t('webhook.shownOnceTitle')}
      onClose={onClose}
      onSubmit={onClose}
      testId="webhook-secret-dialog"
      actions={<button type="submit" className="primary">{t('webhook.done')}</button>}
    >
      <p className="warn">{t('webhook.shownOnce')}</p>
      <div className="secret-box">
        <output className={hidden ? 'secret-value mono masked' : 'secret-value mono'} aria-label={t('webhook.secretLabel')} data-testid="webhook-secret">
          {hidden ? '•'.repeat(32) : generated.secret}
        </output>
        <div className="actions">
          <button type="button" onClick={() => void copy(generated.secret)} data-autofocus>{t('webhook.copy')}</button>
          <button type="button" onClick={() => setHidden((h) => !h)} aria-pressed={hidden}>{hidden ? t('webhook.show') : t('webhook.hide')}</button>
        </div>
      </div>
      <p aria-live="polite" className={copyState === 'failed' ? 'warn' : 'muted'}>
        {copyState === 'copied' ? t('webhook.copied') : copyState === 'failed' ? t('webhook.copyFailed') : ''}
      </p>
      <p className="muted">{generated.savedToKeychain ? t('webhook.savedToKeychain') : t('webhook.notSaved')}</p>
    </Dialog>
  );
}
