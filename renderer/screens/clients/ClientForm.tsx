import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain';
import type { FieldDescriptor, ProviderDescriptor } from '../../../shared/providers/descriptor';
import { clientFieldsSchemaFor } from '../../../shared/providers/field-schema';
import type { ClientFields } from '../../../shared/schemas/clients';
import { Checkbox } from '../../components/Checkbox';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { clearingError } from '../../forms/field-errors';
import { useFormSubmission } from '../../forms/use-form-submission';
import { isEdited, useUnsavedGuard } from '../../app/use-unsaved-guard';
import type { RendererExtension } from '../../providers';
import { fieldsFromValues, formFields, initialValues, inputId } from './client-form-values';
import type { FormMode, FormValues } from './client-form-values';

interface ClientFormProps {
  descriptor: ProviderDescriptor;
  extension: RendererExtension;
  mode: FormMode;
  record?: ClientRecord;
  submitLabel: string;
  /** Throws a BridgeError on failure; the form keeps its content and shows the errors. */
  onSubmit(fields: ClientFields): Promise<void>;
  /** Claims an error that is not a failure of the form (queued offline, a newer version to decide on). */
  handled?(err: unknown, fields: ClientFields): boolean;
  onCancel(): void;
}

/** The client form of the connection's provider, built from its descriptor's fields. */
export function ClientForm({ descriptor, extension, mode, record, submitLabel, onSubmit, handled, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const fields = useMemo(() => formFields(descriptor, mode), [descriptor, mode]);
  const initial = useMemo(() => initialValues(fields, record), [fields, record]);
  const [values, setValues] = useState<FormValues>(initial);
  const { errors, setErrors, failure, saving, submit: submitWith } = useFormSubmission();
  useUnsavedGuard(!saving && isEdited(values, initial));

  function submit(e: FormEvent) {
    e.preventDefault();
    const sent = fieldsFromValues(fields, values, mode === 'update' ? initial : undefined);
    const claim = handled ? (err: unknown) => handled(err, sent) : undefined;
    return submitWith(clientFieldsSchemaFor(descriptor, mode), sent, () => onSubmit(sent), claim);
  }

  const setter = (key: string) => (value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));

  function input(field: FieldDescriptor) {
    const id = inputId(field.key);
    const label = t(field.labelKey);
    const onChange = clearingError(field.key, setter(field.key), setErrors);
    const value = values[field.key];
    if (field.type === 'boolean') {
      return (
        <div key={field.key} className="full">
          <Checkbox id={id} label={label} checked={value === true} onChange={onChange} />
          {errors[field.key] && <p className="field-error" data-field-error={id}>{errors[field.key]}</p>}
        </div>
      );
    }
    const text = typeof value === 'string' ? value : '';
    const warning = extension.fieldWarnings?.[field.key];
    const hintKey = field.hintKey ?? extension.fieldHints?.[field.key];
    return (
      <Field
        key={field.key}
        id={id}
        label={label}
        value={text}
        onChange={onChange}
        error={errors[field.key]}
        warning={warning?.check(text) ? t(warning.messageKey) : undefined}
        hint={hintKey ? t(hintKey) : undefined}
        multiline={field.type === 'multiline'}
        required={field.required}
        inputMode={field.type === 'integer' ? 'numeric' : undefined}
        autoComplete={field.type === 'email' ? 'email' : undefined}
        type={field.type === 'url' ? 'url' : 'text'}
      />
    );
  }

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="client-form" data-mode={mode}>
      {fields.map(input)}
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
