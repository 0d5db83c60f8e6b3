import type { ZodType } from 'zod';
import { BridgeError } from '../app/bridge';
import { localizeValidation } from '../i18n/validation';

export type FieldErrors = Record<string, string>;

/** `fields.identifier`, `auth.apiKey`, `identifier` → the form's own field name. */
export function formFieldName(path: string): string {
  return path.replace(/^(fields|auth|input)\./, '');
}

/** Client-side validation with a shared zod schema; messages localized when a translation exists. */
export function validateWith(schema: ZodType, values: unknown, language: string): { ok: true } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = formFieldName(issue.path.map(String).join('.'));
    errors[key] ??= localizeValidation(issue.message, language);
  }
  return { ok: false, errors };
}

/** The server's field errors (router validation or the provider's 422), keyed by form field. */
export function serverFieldErrors(err: unknown, language: string): FieldErrors {
  if (!(err instanceof BridgeError)) return {};
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(err.fieldErrors())) out[formFieldName(field)] ??= localizeValidation(message, language);
  return out;
}

/** Wraps a setter so editing a field clears that field's error. */
export function clearingError<T>(key: string, setValue: (value: T) => void, setErrors: (update: (e: FieldErrors) => FieldErrors) => void) {
  return (value: T) => {
    setValue(value);
    setErrors((errors) => {
      if (!(key in errors)) return errors;
      const next = { ...errors };
      delete next[key];
      return next;
    });
  };
}
