import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors';
import { call, errorShape } from '../../../app/bridge';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { KeyRow } from '../../../stores/keys-slice';
import { clientLabel } from './KeyBadges';

/**
 * Main asks the user to confirm (a system dialog) before it shows the key or copies it. Copy goes through
 * main, which writes the clipboard itself and clears it after 30 s: the key never comes here to be copied.
 */
export function RevealKeyDialog({ row, onClose }: { row: KeyRow; onClose(): void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [copied, setCopied] = useState(false);
  const ref = { connectionId: row.connectionId, clientUid: row.clientUid, slot: 'current' as const };

  async function reveal() {
    setError(null);
    try {
      setKey((await call('factpulse.keys.reveal', { ...ref, confirm: true })).key);
    } catch (err) {
      setError(errorShape(err));
    }
  }
  async function copy() {
    setError(null);
    setCopied(false);
    try {
      await call('factpulse.keys.copy', ref);
      setCopied(true);
    } catch (err) {
      setError(errorShape(err));
    }
  }
  function close() {
    setKey(null);
    onClose();
  }

  const status = (
    <>
      <p aria-live="polite" className="muted" data-testid="key-copy-status">{copied ? t('keys.copied') : ''}</p>
      <ErrorNotice error={error} />
    </>
  );
  if (key === null) {
    return (
      <Dialog
        title={t('keys.revealTitle', { name: clientLabel(row) })}
        onClose={close}
        onSubmit={() => void reveal()}
        testId="keys-reveal-confirm"
        actions={
          <>
            <button type="button" onClick={close} data-autofocus>{t('common.cancel')}</button>
            <button type="button" onClick={() => void copy()}>{t('keys.copy')}</button>
            <button type="submit" className="danger">{t('keys.revealConfirm')}</button>
          </>
        }
      >
        <p>{t('keys.revealBody')}</p>
        <p className="fingerprint">{row.fingerprint}</p>
        {status}
      </Dialog>
    );
  }
  return (
    <Dialog title={t('keys.revealTitle', { name: clientLabel(row) })} onClose={close} onSubmit={close} testId="keys-reveal" actions={<button type="submit" className="primary">{t('keys.close')}</button>}>
      <div className="secret-box">
        <output className={shown ? 'secret-value mono' : 'secret-value mono masked'} aria-label={t('keys.revealed')} data-testid="revealed-key">
          {shown ? key : '•'.repeat(44)}
        </output>
        <div className="actions">
          <button type="button" onClick={() => void copy()} data-autofocus>{t('keys.copy')}</button>
          <button type="button" onClick={() => setShown((s) => !s)} aria-pressed={shown}>{shown ? t('keys.hide') : t('keys.revealConfirm')}</button>
        </div>
      </div>
      {status}
    </Dialog>
  );
}
