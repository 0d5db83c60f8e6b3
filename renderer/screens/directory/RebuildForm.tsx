import { useTranslation } from 'react-i18next';
import { REBUILD_STATUSES } from '../../../shared/schemas/directory';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import { formatDate } from './format';
import type { RebuildFormValues } from './rebuild-form-model';

interface Props {
  values: RebuildFormValues;
  onChange(values: RebuildFormValues): void;
  /** Field → i18n key of its problem. */
  errors: Record<string, string>;
  lastSuccessAt: string | null;
  disabled: boolean;
}

function DateTimeField({ id, label, value, onChange, error, disabled, hint }: { id: string; label: string; value: string; onChange(v: string): void; error?: string | undefined; disabled?: boolean; hint: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="field">
        <input id={id} type="datetime-local" step={1} value={value} disabled={disabled} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} onChange={(e) => onChange(e.target.value)} />
        <p id={`${id}-hint`} className="field-hint">{hint}</p>
        {error && <p id={`${id}-error`} className="field-error" data-field-error={id}>{error}</p>}
      </div>
    </>
  );
}

/** The rebuild's filters (page, size, dates, role, status, name) and the incremental choice. */
export function RebuildForm({ values, onChange, errors, lastSuccessAt, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof RebuildFormValues>(key: K) => (value: RebuildFormValues[K]) => onChange({ ...values, [key]: value });
  const error = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const since = lastSuccessAt ? t('providers.directory.rebuild.incrementalSince', { date: formatDate(lastSuccessAt, i18n.language) }) : t('providers.directory.rebuild.incrementalNone');
  return (
    <fieldset className="rebuild-form" disabled={disabled}>
      <div className="form-grid">
        <Field id="rebuild-page" label={t('providers.directory.rebuild.page')} value={values.page} onChange={set('page')} inputMode="numeric" placeholder="0" hint={t('providers.directory.rebuild.pageHint')} error={error('page')} />
        <Field id="rebuild-size" label={t('providers.directory.rebuild.size')} value={values.size} onChange={set('size')} inputMode="numeric" placeholder="100" hint={t('providers.directory.rebuild.sizeHint')} error={error('size')} />
        <DateTimeField
          id="rebuild-start"
          label={t('providers.directory.rebuild.startDate')}
          value={values.incremental ? '' : values.startDate}
          onChange={set('startDate')}
          disabled={values.incremental}
          hint={values.incremental ? since : t('providers.directory.rebuild.dateHint')}
          error={error('startDate')}
        />
        <DateTimeField id="rebuild-end" label={t('providers.directory.rebuild.endDate')} value={values.endDate} onChange={set('endDate')} hint={t('providers.directory.rebuild.dateHint')} error={error('endDate')} />
        <Field id="rebuild-role" label={t('providers.directory.rebuild.role')} value={values.role} onChange={set('role')} hint={t('providers.directory.rebuild.roleHint')} error={error('role')} />
        <label htmlFor="rebuild-status">{t('providers.directory.rebuild.status')}</label>
        <div className="field">
          <select id="rebuild-status" value={values.status} onChange={(e) => set('status')(e.target.value as RebuildFormValues['status'])}>
            <option value="">{t('providers.directory.rebuild.anyStatus')}</option>
            {REBUILD_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
          {errors.status && <p className="field-error" data-field-error="rebuild-status">{t(errors.status)}</p>}
        </div>
        <Field id="rebuild-name" label={t('providers.directory.rebuild.name')} value={values.name} onChange={set('name')} error={error('name')} />
        <div className="full">
          <Checkbox id="rebuild-incremental" label={t('providers.directory.rebuild.incremental')} checked={values.incremental} onChange={set('incremental')} />
          {values.incremental && <p className="field-hint" data-incremental-since={lastSuccessAt ?? ''}>{since}</p>}
        </div>
      </div>
    </fieldset>
  );
}
