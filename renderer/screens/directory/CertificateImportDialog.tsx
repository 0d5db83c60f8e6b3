import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateImportInput, ConnectionCertificate } from '../../../shared/schemas/directory';
import { BridgeError, call, errorShape } from '../../app/bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FilePicker } from './FilePicker';
import { certificateRefusal, formatDate } from './format';
import type { AppErrorShape } from '../../../shared/errors';

interface Props {
  connectionId: string;
  onClose(): void;
  onImported(result: ConnectionCertificate): void;
}

type Paths = { certificate: string; privateKey: string; pkcs12: string; ca: string };

/** PEM certificate + key, or PKCS#12, with an optional passphrase and CA bundle; main reads and checks the files. */
export function CertificateImportDialog({ connectionId, onClose, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<'pem' | 'pkcs12'>('pem');
  const [paths, setPaths] = useState<Paths>({ certificate: '', privateKey: '', pkcs12: '', ca: '' });
  const [passphrase, setPassphrase] = useState('');
  const [noPicker, setNoPicker] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const setPath = (key: keyof Paths) => (path: string) => {
    setPaths((p) => ({ ...p, [key]: path }));
    setFieldErrors((e) => ({ ...e, [key]: '' }));
  };

  function input(): CertificateImportInput {
    const ca = paths.ca ? { caPath: paths.ca } : {};
    if (format === 'pkcs12') return { format, connectionId, pkcs12Path: paths.pkcs12, passphrase, ...ca };
    return { format, connectionId, certificatePath: paths.certificate, ...(paths.privateKey ? { privateKeyPath: paths.privateKey } : {}), ...(passphrase ? { passphrase } : {}), ...ca };
  }

  async function submit() {
    const required = format === 'pkcs12' ? 'pkcs12' : 'certificate';
    if (!paths[required]) {
      setFieldErrors({ [required]: t('providers.directory.certificate.chooseWithDialog') });
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      onImported(await call('directory.importCertificate', input()));
    } catch (err) {
      const shape = errorShape(err);
      const refusal = err instanceof BridgeError ? certificateRefusal(shape) : null;
      // A refusal the form can name goes on its field, in the user's words; anything else is a notice.
      if (refusal) setFieldErrors({ [refusal.field]: t(refusal.key, { date: formatDate(refusal.date, i18n.language) }) });
      else setError(shape);
    } finally {
      setBusy(false);
    }
  }

  const notKept = error?.code === 'KEYCHAIN_UNAVAILABLE';
  return (
    <Dialog
      title={t('providers.directory.certificate.dialogTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="certificate-import"
      actions={
        <>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('providers.directory.certificate.submit')}</button>
        </>
      }
    >
      <div className="form-grid">
        <span>{t('providers.directory.certificate.format')}</span>
        <div className="field" role="radiogroup" aria-label={t('providers.directory.certificate.format')}>
          {(['pem', 'pkcs12'] as const).map((f) => (
            <label key={f} className="inline-choice">
              <input type="radio" name="certificate-format" value={f} checked={format === f} onChange={() => setFormat(f)} />{' '}
              {t(f === 'pem' ? 'providers.directory.certificate.formatPem' : 'providers.directory.certificate.formatPkcs12')}
            </label>
          ))}
        </div>
        {format === 'pem' ? (
          <>
            <FilePicker id="cert-certificate" label={t('providers.directory.certificate.certificateFile')} value={paths.certificate} onChange={setPath('certificate')} onNoPicker={() => setNoPicker(true)} error={fieldErrors.certificate} />
            <FilePicker
              id="cert-private-key"
              label={t('providers.directory.certificate.privateKeyFile')}
              value={paths.privateKey}
              onChange={setPath('privateKey')}
              onNoPicker={() => setNoPicker(true)}
              hint={t('providers.directory.certificate.privateKeyHint')}
              error={fieldErrors.privateKey}
            />
          </>
        ) : (
          <FilePicker id="cert-pkcs12" label={t('providers.directory.certificate.pkcs12File')} value={paths.pkcs12} onChange={setPath('pkcs12')} onNoPicker={() => setNoPicker(true)} error={fieldErrors.pkcs12} />
        )}
        <Field
          id="cert-passphrase"
          type="password"
          label={t('providers.directory.certificate.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          hint={t('providers.directory.certificate.passphraseHint')}
          error={fieldErrors.passphrase || undefined}
        />
        <FilePicker id="cert-ca" label={t('providers.directory.certificate.caFile')} value={paths.ca} onChange={setPath('ca')} onNoPicker={() => setNoPicker(true)} hint={t('providers.directory.certificate.caHint')} error={fieldErrors.ca} />
      </div>
      {noPicker && <p className="warn">{t('providers.directory.certificate.noPicker')}</p>}
      {notKept ? (
        <p className="error-notice" role="alert" data-error-code={error.code}>{t('providers.directory.certificate.notKept')}</p>
      ) : (
        <ErrorNotice error={error} />
      )}
    </Dialog>
  );
}
