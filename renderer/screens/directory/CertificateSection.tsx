import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/schemas/connections';
import type { ConnectionCertificate } from '../../../shared/schemas/directory';
import { CREDENTIAL_WARNING_DAYS } from '../../../shared/schemas/directory';
import { call, errorShape, onEvent } from '../../app/bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import type { AppErrorShape } from '../../../shared/errors';
import { CertificateImportDialog } from './CertificateImportDialog';
import { formatDate } from './format';
import './directory.css';

/** Days left, as the card and the inventory say it. */
export function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  const state = days < 0 ? 'expired' : days <= CREDENTIAL_WARNING_DAYS ? 'expiring' : 'ok';
  const text = days < 0 ? t('providers.directory.certificate.expired', { count: -days }) : t('providers.directory.certificate.days', { count: days });
  return <span className={`days ${state}`} data-days-left={days}>{text}</span>;
}

/** The client certificate of a connection with mutual TLS: what it is, until when, and Import. */
export function CertificateSection({ connection }: { connection: Connection }) {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<ConnectionCertificate | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [importing, setImporting] = useState(false);
  const load = useCallback(() => {
    call('directory.certificate', { connectionId: connection.id }).then(setInfo, (err: unknown) => setError(errorShape(err)));
  }, [connection.id]);
  useEffect(() => {
    load();
    return onEvent('connections.changed', load);
  }, [load]);

  const cert = info?.certificate ?? null;
  return (
    <section className="directory certificate-section" aria-label={t('providers.directory.certificate.title')} data-certificate-section={connection.id}>
      <h3>{t('providers.directory.certificate.title')}</h3>
      <ErrorNotice error={error} />
      {info && !cert && <p className="warn">{t('providers.directory.certificate.none')}</p>}
      {cert && (
        <dl className="facts">
          <dt>{t('providers.directory.certificate.subject')}</dt>
          <dd className="mono">{cert.subject}</dd>
          <dt>{t('providers.directory.certificate.issuer')}</dt>
          <dd className="mono">{cert.issuer}</dd>
          <dt>{t('providers.directory.certificate.serial')}</dt>
          <dd className="mono">{cert.serial}</dd>
          <dt>{t('providers.directory.certificate.validity')}</dt>
          <dd>{t('providers.directory.certificate.validityRange', { from: formatDate(cert.notBefore, i18n.language), to: formatDate(cert.notAfter, i18n.language) })}</dd>
          <dt>{t('providers.directory.certificate.expiresIn')}</dt>
          <dd><DaysLeft days={cert.daysUntilExpiry} /></dd>
          <dt>{t('providers.directory.certificate.keyInKeychain')}</dt>
          <dd className={info?.keyStored ? undefined : 'warn'}>{t(info?.keyStored ? 'providers.directory.certificate.keyStored' : 'providers.directory.certificate.keyMissing')}</dd>
          <dt>{t('providers.directory.certificate.caBundle')}</dt>
          <dd>{info?.caSubjects.length ? info.caSubjects.join('; ') : t('providers.directory.certificate.systemCas')}</dd>
          <dt>{t('providers.directory.certificate.authenticatedAt')}</dt>
          <dd>{formatDate(info?.authenticatedAt ?? null, i18n.language)}</dd>
        </dl>
      )}
      {cert && cert.daysUntilExpiry >= 0 && cert.daysUntilExpiry <= CREDENTIAL_WARNING_DAYS && (
        <p className="warn" role="status">{t('providers.directory.certificate.expiringSoon', { count: cert.daysUntilExpiry })}</p>
      )}
      <div className="actions">
        <button type="button" data-action="import-certificate" onClick={() => setImporting(true)}>
          {t(cert ? 'providers.directory.certificate.replace' : 'providers.directory.certificate.import')}
        </button>
      </div>
      {importing && (
        <CertificateImportDialog
          connectionId={connection.id}
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setImporting(false);
            setInfo(result);
            if (result.certificate) useStore.getState().toast('success', t('providers.directory.certificate.imported', { subject: result.certificate.subject, count: result.certificate.daysUntilExpiry }));
          }}
        />
      )}
    </section>
  );
}
