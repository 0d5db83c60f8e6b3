import { useTranslation } from 'react-i18next';
import type { PdpConfigView } from '../../../shared/schemas/clients';
import { failedTestText, secretStatusKey } from './pdp-wording';

function yesNo(t: (k: string) => string, v: boolean | null | undefined): string {
  return v === true ? t('ui.yes') : v === false ? t('ui.no') : '—';
}

/** What the server said, word for word, behind a disclosure (it answers in French whatever the user's language). */
function ServerSaid({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <details className="error-details" data-testid="pdp-server-message">
      <summary>{t('errors.details')}</summary>
      <dl>
        <dt>{t('pdp.serverMessage')}</dt>
        <dd>{text}</dd>
      </dl>
    </details>
  );
}

/** The PDP configuration's facts in the user's words; the server's messages only in the details. */
export function PdpFacts({ config }: { config: PdpConfigView }) {
  const { t, i18n } = useTranslation();
  const secret = config.secretStatus;
  const failedTest = failedTestText(config);
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
      <dd data-fact="secret-status" data-secret-status={secret?.status}>
        {secret ? t(secretStatusKey(secret), { status: secret.status }) : '—'}
        {/* Said plainly: whether the key is held here is the local-key line's to say (a warning only when it is missing). */}
        {secret?.requiresClientKey && <span className="muted"> · {t('pdp.requiresClientKey')}</span>}
        {secret?.message && <ServerSaid text={secret.message} />}
      </dd>
      {config.lastTestAt && (
        <>
          <dt>{t('pdp.lastTest')}</dt>
          <dd className={failedTest === null ? 'ok' : 'warn'} data-fact="last-test">
            {new Date(config.lastTestAt).toLocaleString(i18n.language)} · {failedTest === null ? t('ui.ok') : t('pdp.lastTestFailed')}
            {failedTest && <ServerSaid text={failedTest} />}
          </dd>
        </>
      )}
    </dl>
  );
}
