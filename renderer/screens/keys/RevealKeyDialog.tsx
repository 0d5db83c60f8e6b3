import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import { call, errorShape } from '../../app/bridge';
import { copySecret } from '../../app/clipboard';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { KeyRow } from '../../stores/keys-slice';
import { clientLabel } from './KeyBadges';

/** Confirm first; then the key is fetched from main, shown masked, copied on demand (clipboard cleared after 30 s). */
export function RevealKeyDialog({ row, onClose }: { row: KeyRow; onClose(): void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function reveal() {
    setError(null);
    try {
      setKey((await call('keys.reveal', { connectionId: row.connectionId, clientUid: row.clientUid, slot: 'current', confirm: true })).key);
    } catch (err) {
      setError(errorShape(err));
    }
  }
  function close() {
    setKey(null);
    onClose();
  }

  if (key === null) {
    return (
      <Dialog
        title={t('keys.revealTitle', { name: clientLabel(row) })}
        onClose={close}
        testId="keys-reveal-confirm"
        actions={
          <>
            <button type="button" onClick={close} data-autofocus>{t('common.cancel')}</button>
            <button type="button" className="danger" onClick={() => void reveal()}>{t('keys.revealConfirm')}</button>
          </>
        }
      >
        <p>{t('keys.revealBody')}</p>
        <p className="fingerprint">{row.fingerprint}</p>
        <ErrorNotice error={error} />
      </Dialog>
    );
  }
  return (
    <Dialog title={t('keys.revealTitle', { name: clientLabel(row) })} onClose={close} testId="keys-reveal" actions={<button type="button" className="primary" onClick={close}>{t('keys.close')}</button>}>
      <div className="secret-box">
        <output className={shown ? 'secret-value mono' : 'secret-value mono masked'} aria-label={t('keys.revealed')} data-testid="revealed-key">
          {shown ? key : '•'.repeat(44)}
        </output>
        <div className="actions">
          <button type="button" onClick={() => void copySecret(key).then((ok) => setCopyState(ok ? 'copied' : 'failed'))} data-autofocus>{t('keys.copy')}</button>
          <button type="button" onClick={() => setShown((s) => !s)} aria-pressed={shown}>{shown ? t('keys.hide') : t('keys.revealConfirm')}</button>
        </div>
      </div>
      <p aria-live="polite" className={copyState === 'failed' ? 'warn' : 'muted'}>
        {copyState === 'copied' ? t('keys.copied') : copyState === 'failed' ? t('keys.copyFailed') : ''}
      </p>
    </Dialog>
  );
}
