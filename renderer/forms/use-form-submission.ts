import { useState } from 'react';
import type { ZodType } from 'zod';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors';
import { errorShape } from '../app/bridge';
import { serverFieldErrors, validateWith } from './field-errors';
import type { FieldErrors } from './field-errors';

/**
 * A form's submit cycle: validate with the shared schema, then save; the server's field errors land beside
 * their inputs, anything else in `failure`, and the form keeps its content either way.
 */
export function useFormSubmission() {
  const { i18n } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  /** `handled` may claim an error (e.g. a write queued offline) so it is not shown as a failure. */
  async function submit(schema: ZodType, input: unknown, save: () => Promise<void>, handled?: (err: unknown) => boolean): Promise<void> {
    setFailure(null);
    const check = validateWith(schema, input, i18n.language);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await save();
    } catch (err) {
      if (handled?.(err)) return;
      setErrors(serverFieldErrors(err, i18n.language));
      setFailure(errorShape(err));
    } finally {
      setSaving(false);
    }
  }

  return { errors, setErrors, failure, saving, submit };
}
