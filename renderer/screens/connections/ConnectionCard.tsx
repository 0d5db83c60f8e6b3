import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/schemas/connections';
import { DESCRIPTORS } from '../../../shared/providers';
import { authMethod } from '../../../shared/providers/descriptor';
import { ErrorNote, ErrorNotice } from '../../components/ErrorNotice';
import { connectionStatusError } from '../../components/error-wording';
import { ConnectionStateBadge } from '../../components/StatusBadge';
import { useSecretsInMemoryOnly } from '../../components/KeychainBanner';
import { useStore } from '../../stores/store';
import { CertificateSection } from '../directory/CertificateSection';

interface ConnectionCardProps {
  connection: Connection;
  onEdit(): void;
  onRemove(): void;
}

/** One connection: where it points, how it signs in, its live status and the last test's outcome. */
export function ConnectionCard({ connection, onEdit, onRemove }: ConnectionCardProps) {
  const { t } = useTranslation();
  const status = useStore((s) => s.statuses[connection.id]);
  const result = useStore((s) => s.testResults[connection.id]);
  const testing = useStore((s) => s.testing[connection.id] ?? false);
  const testConnection = useStore((s) => s.testConnection);
  const inMemory = useSecretsInMemoryOnly();
  const statusError = status ? connectionStatusError(status) : null;
  const { auth } = connection;
  const descriptor = DESCRIPTORS[connection.provider];
  const method = authMethod(descriptor, auth.method);
  const plainFields = (method?.fields ?? []).filter((f) => f.type !== 'secret' && auth[f.key]);
  const settings = descriptor.settings.filter((f) => {
    const v = connection.settings[f.key];
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
  return (
    <article className="card connection-card" aria-labelledby={`conn-${connection.id}-title`} data-connection={connection.label}>
      <header className="card-head">
        <h2 id={`conn-${connection.id}-title`}>{connection.label}</h2>
        <div className="actions">
          {connection.demo && <span className="badge sandbox">{t('common.demoBadge')}</span>}
          <ConnectionStateBadge state={status?.state ?? 'unknown'} />
        </div>
      </header>
      <dl className="facts">
        <dt>{t('connections.form.provider')}</dt>
        <dd>{t(`providers.${descriptor.id}.name`)}</dd>
        <dt>{t('connections.form.baseUrl')}</dt>
        <dd className="mono">{connection.baseUrl}</dd>
        <dt>{t('connections.form.method')}</dt>
        <dd>
          {method ? t(method.labelKey) : auth.method}
          {plainFields.map((f) => ` · ${t(f.labelKey)} ${auth[f.key]}`).join('')}
        </dd>
        {settings.map((f) => {
          const v = connection.settings[f.key];
          return (
            <Fragment key={f.key}>
              <dt>{t(f.labelKey)}</dt>
              <dd>{Array.isArray(v) ? v.join(', ') : v}</dd>
            </Fragment>
          );
        })}
        <dt>{t('connections.secrets')}</dt>
        <dd data-testid="connection-secrets">{connection.secretsStored.length === 0 ? t('connections.noSecret') : t(inMemory ? 'connections.secretsInMemory' : 'connections.secretsInKeychain')}</dd>
      </dl>
      {connection.demo && <p className="muted">{t('demo.connectionNote')}</p>}
      {statusError && !testing && result?.ok !== false && <ErrorNote error={statusError} />}
      <div aria-live="polite">
        {result?.ok && (
          <p className="ok" data-test-result="ok">
            {result.total === null
              ? t('connections.testOkNoTotal', { ms: Math.round(result.latencyMs) })
              : t('connections.testOk', { ms: Math.round(result.latencyMs), total: result.total })}
          </p>
        )}
      </div>
      {result && !result.ok && <ErrorNotice error={result.error} title={t('connections.testFailed')} />}
      {connection.capabilities.includes('mtls') && <CertificateSection connection={connection} />}
      <div className="actions">
        <button type="button" className="primary" disabled={testing} onClick={() => void testConnection(connection.id)}>
          {testing ? t('connections.testing') : t('connections.test')}
        </button>
        <button type="button" onClick={onEdit}>{t('connections.edit')}</button>
        <button type="button" className="danger" onClick={onRemove}>{t('connections.remove')}</button>
      </div>
    </article>
  );
}
