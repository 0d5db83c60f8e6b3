import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clientFieldsSchema } from '../../../shared/schemas/clients';
import type { ClientRecord } from '../../../shared/domain';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/ErrorNotice';
import { clearingError } from '../../forms/field-errors';
import { useFormSubmission } from '../../forms/use-form-submission';
import { siretNeedsWarning } from '../../forms/siret';

export interface ClientFormFields {
  name: string;
  identifier: string | null;
  description: string | null;
}

interface ClientFormProps {
  record?: ClientRecord;
  submitLabel: string;
  /** Throws a BridgeError on failure; the form keeps its content and shows the errors. */
  onSubmit(fields: ClientFormFields): Promise<void>;
  onCancel(): void;
}

/** Name, SIRET and description, for both create and edit. */
export function ClientForm({ record, submitLabel, onSubmit, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(record?.name ?? '');
  const [siret, setSiret] = useState(record?.identifier ?? '');
  const [description, setDescription] = useState(record?.description ?? '');
  const { errors, setErrors, failure, saving, submit: submitWith } = useFormSubmission();

  function submit(e: FormEvent) {
    e.preventDefault();
    const fields: ClientFormFields = { name, identifier: siret.trim() || null, description: description.trim() ? description : null };
    return submitWith(clientFieldsSchema, fields, () => onSubmit(fields));
  }

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="client-form">
      <Field id="client-name" label={t('clients.fields.name')} value={name} onChange={clearingError('name', setName, setErrors)} error={errors.name} required />
      <Field
        id="client-identifier"
        label={t('clients.fields.siret')}
        value={siret}
        onChange={clearingError('identifier', setSiret, setErrors)}
        error={errors.identifier}
        warning={siretNeedsWarning(siret) ? t('clients.siretChecksum') : undefined}
        hint={t('clients.siretHint')}
        inputMode="numeric"
      />
      <Field id="client-description" label={t('clients.fields.description')} value={description} onChange={clearingError('description', setDescription, setErrors)} error={errors.description} multiline />
      <div className="full">
        <ErrorNotice error={failure} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('ui.saving') : submitLabel}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
