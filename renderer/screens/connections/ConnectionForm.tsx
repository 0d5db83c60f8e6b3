import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionAddSchema, connectionUpdateSchema } from '../../../shared/schemas/connections';
import type { Connection } from '../../../shared/schemas/connections';
import { call } from '../../app/bridge';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSecretsInMemoryOnly } from '../../components/KeychainBanner';
import { clearingError } from '../../forms/field-errors';
import { useFormSubmission } from '../../forms/use-form-submission';
import { useStore } from '../../stores/store';
import { initialValues, toAddInput, toUpdateInput } from './connection-form-model';
import type { ConnectionFormValues } from './connection-form-model';

/** Add or edit a connection. Secret fields are write-only; on edit an empty one keeps what is stored. */
export function ConnectionForm({ connection, onDone }: { connection: Connection | null; onDone(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ConnectionFormValues>(() => initialValues(connection));
  const { errors, setErrors, failure, saving, submit: submitWith } = useFormSubmission();
  const editing = connection !== null;
  const stored = (slot: string) => editing && connection.secretsStored.includes(slot);
  const inMemory = useSecretsInMemoryOnly();
  const set = (key: keyof ConnectionFormValues) => clearingError(key, (value: string) => setValues((v) => ({ ...v, [key]: value })), setErrors);

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = editing ? toUpdateInput(connection, values) : toAddInput(values);
    return submitWith(editing ? connectionUpdateSchema : connectionAddSchema, input, async () => {
      const saved = editing ? await call('connections.update', toUpdateInput(connection, values)) : await call('connections.add', toAddInput(values));
      const { loadConnections, toast, testConnection } = useStore.getState();
      await loadConnections();
      toast('success', t(editing ? 'connections.updated' : 'connections.added', { label: saved.label }));
      void testConnection(saved.id);
      onDone();
    });
  }

  const secretHint = (slot: string) => t(`connections.form.${stored(slot) ? 'secretStored' : 'secretWriteOnly'}${inMemory ? 'Memory' : ''}`);
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="connection-form-title" data-testid="connection-form">
      <h2 id="connection-form-title">{editing ? t('connections.form.editTitle', { label: connection.label }) : t('connections.form.addTitle')}</h2>
      <div className="form-grid">
        <Field id="conn-label" label={t('connections.form.label')} value={values.label} onChange={set('label')} error={errors.label} required />
        <label htmlFor="conn-provider">{t('connections.form.provider')}</label>
        <select id="conn-provider" value="factpulse" disabled={editing} onChange={() => undefined}>
          <option value="factpulse">FactPulse</option>
        </select>
        <Field id="conn-baseUrl" type="url" label={t('connections.form.baseUrl')} value={values.baseUrl} onChange={set('baseUrl')} error={errors.baseUrl} hint={t('connections.form.baseUrlHint')} required />
        <span className="label" id="conn-method-label">{t('connections.form.method')}</span>
        <div className="segmented" role="radiogroup" aria-labelledby="conn-method-label">
          {(['apiKey', 'password'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={values.method === m} className={values.method === m ? 'active' : ''} data-auth-method={m} onClick={() => set('method')(m)}>
              {t(`connections.method.${m}`)}
            </button>
          ))}
        </div>
        {values.method === 'apiKey' ? (
          <Field id="conn-apiKey" type="password" autoComplete="new-password" label={t('connections.form.apiKey')} value={values.apiKey} onChange={set('apiKey')} error={errors.apiKey} hint={secretHint('apiKey')} required={!stored('apiKey')} />
        ) : (
          <>
            <Field id="conn-username" label={t('connections.form.username')} value={values.username} onChange={set('username')} error={errors.username} autoComplete="username" required />
            <Field id="conn-password" type="password" autoComplete="new-password" label={t('connections.form.password')} value={values.password} onChange={set('password')} error={errors.password} hint={secretHint('password')} required={!stored('password')} />
            <Field id="conn-clientUid" label={t('connections.form.clientUid')} value={values.clientUid} onChange={set('clientUid')} error={errors.clientUid} hint={t('connections.form.clientUidHint')} />
          </>
        )}
      </div>
      <ErrorNotice error={failure} />
      <div className="actions form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('ui.saving') : editing ? t('common.save') : t('connections.form.add')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
