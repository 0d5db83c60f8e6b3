import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pdpConfigFieldsSchema } from '../../../shared/schemas/clients';
import type { PdpConfigView } from '../../../shared/schemas/clients';
import { isQueuedWrite } from '../../app/queued';
import { Checkbox } from '../../components/Checkbox';
import { PdpModeChoice, savePdpConfig } from './keys/PdpModeChoice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { clearingError } from '../../forms/field-errors';
import { useFormSubmission } from '../../forms/use-form-submission';

interface PdpFormProps {
  connectionId: string;
  remoteId: string;
  current: PdpConfigView;
  /** null: the server was unreachable and the change is queued in the outbox. */
  onSaved(config: PdpConfigView | null): void;
  onCancel(): void;
}

/** PDP configuration, fernet or double mode (double: the key is generated and kept by main). The client secret is write-only: never shown, required on every save. */
export function PdpForm({ connectionId, remoteId, current, onSaved, onCancel }: PdpFormProps) {
  const { t } = useTranslation();
  const [flowServiceUrl, setFlow] = useState(current.flowServiceUrl ?? '');
  const [tokenUrl, setToken] = useState(current.tokenUrl ?? '');
  const [oauthClientId, setClientId] = useState(current.oauthClientId ?? '');
  const [clientSecret, setSecret] = useState('');
  const [isActive, setActive] = useState(current.isActive ?? true);
  const [modeSandbox, setSandbox] = useState(current.modeSandbox ?? false);
  const [mode, setMode] = useState<'fernet' | 'double'>(current.encryptionMode === 'double' ? 'double' : 'fernet');
  const { errors, setErrors, failure, saving, submit: submitWith } = useFormSubmission();

  function submit(e: FormEvent) {
    e.preventDefault();
    const fields = { flowServiceUrl, tokenUrl, oauthClientId, clientSecret, isActive, modeSandbox, encryptionMode: mode };
    const save = async () => {
      const saved = await savePdpConfig({ connectionId, remoteId, fields, currentMode: current.encryptionMode });
      setSecret('');
      onSaved(saved);
    };
    // Queued offline: the write is safe in the outbox, so the form closes as after a save.
    const queued = (err: unknown) => {
      if (!isQueuedWrite(err)) return false;
      setSecret('');
      onSaved(null);
      return true;
    };
    return submitWith(pdpConfigFieldsSchema, fields, save, queued);
  }

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="pdp-form">
      <Field id="pdp-flowServiceUrl" type="url" label={t('pdp.flowServiceUrl')} value={flowServiceUrl} onChange={clearingError('flowServiceUrl', setFlow, setErrors)} error={errors.flowServiceUrl} required />
      <Field id="pdp-tokenUrl" type="url" label={t('pdp.tokenUrl')} value={tokenUrl} onChange={clearingError('tokenUrl', setToken, setErrors)} error={errors.tokenUrl} required />
      <Field id="pdp-oauthClientId" label={t('pdp.oauthClientId')} value={oauthClientId} onChange={clearingError('oauthClientId', setClientId, setErrors)} error={errors.oauthClientId} required />
      <Field
        id="pdp-clientSecret"
        type="password"
        autoComplete="new-password"
        label={t('pdp.clientSecret')}
        value={clientSecret}
        onChange={clearingError('clientSecret', setSecret, setErrors)}
        error={errors.clientSecret}
        hint={t('pdp.clientSecretHint')}
        required
      />
      <span className="label">{t('pdp.options')}</span>
      <div className="checks">
        <Checkbox id="pdp-isActive" label={t('pdp.isActive')} checked={isActive} onChange={setActive} />
        <Checkbox id="pdp-modeSandbox" label={t('pdp.modeSandbox')} checked={modeSandbox} onChange={setSandbox} />
      </div>
      <PdpModeChoice mode={mode} currentMode={current.encryptionMode} onChange={setMode} error={errors.encryptionMode} />
      <div className="full">
        <ErrorNotice error={failure} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>{saving ? t('ui.saving') : t('common.save')}</button>
          <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </div>
    </form>
  );
}
