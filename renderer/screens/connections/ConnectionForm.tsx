import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderId } from '../../../shared/domain';
import { DESCRIPTORS } from '../../../shared/providers';
import { authMethod } from '../../../shared/providers/descriptor';
import { connectionAddSchema, connectionUpdateSchema } from '../../../shared/schemas/connections';
import type { Connection } from '../../../shared/schemas/connections';
import type { AppErrorShape } from '../../../shared/errors';
import { call, errorShape } from '../../app/bridge';
import { useUnsavedGuard } from '../../app/use-unsaved-guard';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSecretsInMemoryOnly } from '../../components/KeychainBanner';
import { useFormSubmission } from '../../forms/use-form-submission';
import { useStore } from '../../stores/store';
import { ListField } from './ListField';
import { initialValues, isConnectionFormEdited, toAddInput, toUpdateInput, withMethod, withProvider } from './connection-form-model';
import type { ConnectionFormValues } from './connection-form-model';

/** Add or edit a connection, shaped by the provider's descriptor. Secret fields are write-only. */
export function ConnectionForm({ connection, onDone }: { connection: Connection | null; onDone(): void }) {
  const { t } = useTranslation();
  const [initial] = useState(() => initialValues(connection));
  const [values, setValues] = useState<ConnectionFormValues>(initial);
  const [available, setAvailable] = useState<ProviderId[]>([values.provider]);
  const { errors, setErrors, failure, saving, submit: submitWith } = useFormSubmission();
  useUnsavedGuard(!saving && isConnectionFormEdited(values, initial));
  const editing = connection !== null;
  const descriptor = DESCRIPTORS[values.provider];
  const method = authMethod(descriptor, values.method) ?? descriptor.authMethods[0]!;
  const stored = (slot: string) => editing && connection.secretsStored.includes(slot);
  const inMemory = useSecretsInMemoryOnly();
  /** A new connection is tried before it is saved; a failed try is shown with "Save anyway". */
  const [probeFailure, setProbeFailure] = useState<AppErrorShape | null>(null);
  const [testing, setTesting] = useState(false);

  useEffect(() => {
    if (!editing) void call('providers.available').then(setAvailable, () => undefined);
  }, [editing]);

  const update = (key: string, change: (v: ConnectionFormValues) => ConnectionFormValues) => {
    setValues(change);
    setProbeFailure(null);
    setErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  };

  /** True when the new connection answered; otherwise the reason is shown and nothing is stored. */
  async function tryFirst(): Promise<boolean> {
    setTesting(true);
    try {
      await call('connections.probe', toAddInput(values));
      return true;
    } catch (err) {
      const shape = errorShape(err);
      if (shape.details?.fields?.length) throw err; // a field the server or main refused: shown beside it
      setProbeFailure(shape);
      return false;
    } finally {
      setTesting(false);
    }
  }

  function submit(e: FormEvent | null, saveAnyway = false) {
    e?.preventDefault();
    setProbeFailure(null);
    const input = editing ? toUpdateInput(connection, values) : toAddInput(values);
    return submitWith(editing ? connectionUpdateSchema : connectionAddSchema, input, async () => {
      if (!editing && !saveAnyway && !(await tryFirst())) return;
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
        <Field id="conn-label" label={t('connections.form.label')} value={values.label} onChange={(v) => update('label', (s) => ({ ...s, label: v }))} error={errors.label} required />
        <label htmlFor="conn-provider">{t('connections.form.provider')}</label>
        <div className="field">
          <select id="conn-provider" value={values.provider} disabled={editing} aria-describedby="conn-provider-hint" onChange={(e) => update('provider', (s) => withProvider(s, e.target.value as ProviderId))}>
            {available.map((id) => (
              <option key={id} value={id}>{t(`providers.${id}.name`)}</option>
            ))}
          </select>
          <p id="conn-provider-hint" className="field-hint">{t(descriptor.descriptionKey)}</p>
        </div>
        <Field
          id="conn-baseUrl"
          type="url"
          label={t('connections.form.baseUrl')}
          value={values.baseUrl}
          onChange={(v) => update('baseUrl', (s) => ({ ...s, baseUrl: v }))}
          error={errors.baseUrl}
          hint={t(descriptor.baseUrl.httpsOnly ? 'connections.form.baseUrlHttpsOnly' : 'connections.form.baseUrlHint')}
          placeholder={descriptor.baseUrl.placeholder}
          required
        />
        {descriptor.authMethods.length > 1 && (
          <>
            <span className="label" id="conn-method-label">{t('connections.form.method')}</span>
            <div className="segmented" role="radiogroup" aria-labelledby="conn-method-label">
              {descriptor.authMethods.map((m) => (
                <button key={m.id} type="button" role="radio" aria-checked={values.method === m.id} className={values.method === m.id ? 'active' : ''} data-auth-method={m.id} onClick={() => update('method', (s) => withMethod(s, m.id))}>
                  {t(m.labelKey)}
                </button>
              ))}
            </div>
          </>
        )}
        {method.fields.map((field) => (
          <Field
            key={`${method.id}-${field.key}`}
            id={`conn-${field.key}`}
            type={field.type === 'secret' ? 'password' : 'text'}
            autoComplete={field.type === 'secret' ? 'new-password' : field.key === 'username' ? 'username' : 'off'}
            label={t(field.labelKey)}
            value={values.auth[field.key] ?? ''}
            onChange={(v) => update(field.key, (s) => ({ ...s, auth: { ...s.auth, [field.key]: v } }))}
            error={errors[field.key]}
            hint={field.type === 'secret' ? secretHint(field.key) : field.hintKey ? t(field.hintKey) : undefined}
            required={Boolean(field.required) && !(field.type === 'secret' && stored(field.key))}
          />
        ))}
        {descriptor.settings.map((field) =>
          field.type === 'list' ? (
            <ListField
              key={field.key}
              id={`conn-settings-${field.key}`}
              label={t(field.labelKey)}
              values={(values.settings[field.key] as string[] | undefined) ?? []}
              onChange={(list) => update(`settings.${field.key}`, (s) => ({ ...s, settings: { ...s.settings, [field.key]: list } }))}
              {...(field.hintKey ? { hint: t(field.hintKey) } : {})}
              error={errors[`settings.${field.key}`]}
              addLabel={t('connections.form.listAdd', { what: t(field.labelKey) })}
              removeLabel={(value) => t('connections.form.listRemoveOne', { value })}
            />
          ) : (
            <Field
              key={field.key}
              id={`conn-settings-${field.key}`}
              label={t(field.labelKey)}
              value={(values.settings[field.key] as string | undefined) ?? ''}
              onChange={(v) => update(`settings.${field.key}`, (s) => ({ ...s, settings: { ...s.settings, [field.key]: v } }))}
              error={errors[`settings.${field.key}`]}
              {...(field.hintKey ? { hint: t(field.hintKey) } : {})}
              required={Boolean(field.required)}
            />
          ),
        )}
      </div>
      <ErrorNotice error={failure} />
      {probeFailure && (
        <div className="probe-failure" data-testid="probe-failure">
          <ErrorNotice error={probeFailure} title={t('probe.failedTitle')} />
          <p className="muted">{t('probe.failedHint')}</p>
        </div>
      )}
      <div className="actions form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {testing ? t('probe.testing') : saving ? t('ui.saving') : editing ? t('common.save') : t('connections.form.add')}
        </button>
        {probeFailure && (
          <button type="button" disabled={saving} onClick={() => void submit(null, true)} data-testid="save-anyway">
            {t('probe.saveAnyway')}
          </button>
        )}
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
