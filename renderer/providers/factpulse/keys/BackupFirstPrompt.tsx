import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { KEY_NOT_KEPT_MESSAGE } from '../../../../shared/errors';
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShape } from '../../../app/bridge';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';

const MIN_PASSPHRASE = 12;

/** The one open question "save a backup first?", answered with a passphrase or null (declined). */
const usePending = create<{ answer: ((passphrase: string | null) => void) | null }>(() => ({ answer: null }));

/** Main refused because the key could not be kept, and offers the same call with an encrypted backup first. */
export function offersBackupFirst(error: AppErrorShape): boolean {
  return error.code === 'KEYCHAIN_UNAVAILABLE' && error.details?.keychain === 'memory-only' && error.details.canBackUpFirst === true;
}

/**
 * Runs a call that makes a key. When main refuses it because secrets are memory-only and offers a backup first,
 * asks for the backup's passphrase and runs it again with `backupFirst` (main then asks where to save the file);
 * declined, the refusal stands and is thrown as is.
 */
export async function withBackupOffer<T>(run: (backupFirst?: { passphrase: string }) => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!offersBackupFirst(errorShape(err))) throw err;
    const passphrase = await new Promise<string | null>((answer) => usePending.setState({ answer }));
    if (passphrase === null) throw err;
    return run({ passphrase });
  }
}

/** Mounted once in the app shell: the dialog that explains the refusal and offers the backup. */
export function BackupFirstPrompt() {
  const { t, i18n } = useTranslation();
  const answer = usePending((s) => s.answer);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!answer) return null;

  function close(value: string | null) {
    setPassphrase('');
    setAgain('');
    setErrors({});
    usePending.setState({ answer: null });
    answer?.(value);
  }
  function submit() {
    const found: Record<string, string> = {};
    if (passphrase.length < MIN_PASSPHRASE) found.passphrase = t('keys.backup.tooShort');
    else if (again !== passphrase) found.again = t('keys.backup.mismatch');
    setErrors(found);
    if (Object.keys(found).length === 0) close(passphrase);
  }

  return (
    <Dialog
      title={t('keychain.backupTitle')}
      onClose={() => close(null)}
      onSubmit={submit}
      testId="keys-backup-first"
      actions={
        <>
          <button type="button" onClick={() => close(null)} data-autofocus>{t('common.cancel')}</button>
          <button type="submit" className="primary">{t('keychain.backupAndContinue')}</button>
        </>
      }
    >
      <p className="error-notice" role="alert" data-error-code="KEYCHAIN_UNAVAILABLE">{KEY_NOT_KEPT_MESSAGE[i18n.language === 'fr' ? 'fr' : 'en']}</p>
      <p>{t('keychain.backupOffer')}</p>
      <div className="form-grid">
        <Field id="backup-first-passphrase" type="password" autoComplete="new-password" label={t('keys.backup.passphrase')} value={passphrase} onChange={setPassphrase} error={errors.passphrase} hint={t('keys.backup.passphraseHint')} required />
        <Field id="backup-first-passphrase-again" type="password" autoComplete="new-password" label={t('keys.backup.passphraseAgain')} value={again} onChange={setAgain} error={errors.again} required />
      </div>
    </Dialog>
  );
}
