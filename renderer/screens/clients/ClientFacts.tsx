import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain';
import type { FieldType, ProviderDescriptor } from '../../../shared/providers/descriptor';
import type { RendererExtension } from '../../providers';
import { valueAt } from './clients-view';

type Translate = (key: string) => string;

/** A detail value as the user reads it: dates and numbers in the UI language, yes/no, or a dash (no hooks: list rows call it). */
export function factValue(value: unknown, type: FieldType | undefined, t: Translate, language: string): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  if (type === 'boolean' || typeof value === 'boolean') {
    const yes = value === true;
    return <span className={yes ? 'badge active' : 'badge inactive'} data-bool={yes ? 'yes' : 'no'}>{yes ? t('ui.yes') : t('ui.no')}</span>;
  }
  if (type === 'date-time' && typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleString(language);
  }
  if (typeof value === 'number') return value.toLocaleString(language);
  if (typeof value === 'string') return value;
  return <span className="mono">{JSON.stringify(value)}</span>;
}

export function FactValue({ value, type }: { value: unknown; type?: FieldType | undefined }) {
  const { t, i18n } = useTranslation();
  return <>{factValue(value, type, t, i18n.language)}</>;
}

/** The client's facts in the order its provider's descriptor lists them, then its id in the remote system. */
export function ClientFacts({ record, descriptor, extension }: { record: ClientRecord; descriptor: ProviderDescriptor; extension: RendererExtension }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid="client-facts">
      <dt>{t('providers.common.name')}</dt>
      <dd data-fact="name">{record.name}</dd>
      {descriptor.client.detail.map(({ key, labelKey, type }) => {
        const value = valueAt(record, key);
        const warning = extension.fieldWarnings?.[key];
        return [
          <dt key={`${key}-label`}>{t(labelKey)}</dt>,
          <dd key={key} data-fact={key} className={key === 'identifier' ? 'mono' : key === 'description' ? 'pre-wrap' : undefined}>
            <FactValue value={value} type={type} />
            {typeof value === 'string' && warning?.check(value) && <span className="warn"> · {t(warning.shortKey)}</span>}
          </dd>,
        ];
      })}
      <dt>{t('clients.fields.uid')}</dt>
      <dd className="mono" data-fact="uid">{record.remoteId}</dd>
    </dl>
  );
}
