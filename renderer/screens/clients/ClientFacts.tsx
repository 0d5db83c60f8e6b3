import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain';
import { siretNeedsWarning } from '../../forms/siret';
import { PdpFlag } from './ClientsTable';

export function ClientFacts({ record }: { record: ClientRecord }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');
  return (
    <dl className="facts" data-testid="client-facts">
      <dt>{t('clients.fields.name')}</dt>
      <dd data-fact="name">{record.name}</dd>
      <dt>{t('clients.fields.siret')}</dt>
      <dd data-fact="siret">
        <span className="mono">{record.identifier ?? '—'}</span>
        {record.identifier && siretNeedsWarning(record.identifier) && <span className="warn"> · {t('clients.siretChecksumShort')}</span>}
      </dd>
      <dt>{t('clients.fields.description')}</dt>
      <dd data-fact="description" className="pre-wrap">{record.description ?? '—'}</dd>
      <dt>{t('clients.fields.pdp')}</dt>
      <dd><PdpFlag record={record} /></dd>
      <dt>{t('clients.fields.uid')}</dt>
      <dd className="mono" data-fact="uid">{record.remoteId}</dd>
      <dt>{t('clients.fields.createdAt')}</dt>
      <dd>{date(record.createdAt)}</dd>
      <dt>{t('clients.fields.updatedAt')}</dt>
      <dd>{date(record.updatedAt)}</dd>
    </dl>
  );
}
