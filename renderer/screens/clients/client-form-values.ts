import type { ClientRecord } from '../../../shared/domain';
import type { FieldDescriptor, ProviderDescriptor } from '../../../shared/providers/descriptor';
import type { ClientFields } from '../../../shared/schemas/clients';
import { valueAt } from './clients-view';

export type FormMode = 'create' | 'update';
export type FormValues = Record<string, string | boolean>;

const FORM_TYPES: ReadonlySet<string> = new Set(['text', 'multiline', 'integer', 'email', 'url', 'boolean']);

/** The client form's fields for a mode: create shows `onCreate` fields, edit the `editable` ones. */
export function formFields(descriptor: ProviderDescriptor, mode: FormMode): FieldDescriptor[] {
  return descriptor.client.fields.filter(
    (f) => FORM_TYPES.has(f.type) && (mode === 'create' ? f.onCreate !== false : f.editable !== false),
  );
}

/** The inputs' starting values: the record's (numbers as text) or empty. */
export function initialValues(fields: readonly FieldDescriptor[], record?: ClientRecord): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record ? valueAt(record, field.key) : undefined;
    if (field.type === 'boolean') values[field.key] = value === true;
    else values[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** A text input's value as sent: an empty optional text is null; an empty optional number is left out. */
function sentValue(field: FieldDescriptor, value: string | boolean): string | boolean | null | undefined {
  if (typeof value === 'boolean') return value;
  if (value.trim() !== '' || field.required) return value;
  return field.type === 'integer' ? undefined : null;
}

/**
 * The form as the contract's ClientFields (`extra.*` keys nested under `extra`). On edit only what the user
 * changed is sent: the audit log and a later conflict then show exactly that.
 */
export function fieldsFromValues(fields: readonly FieldDescriptor[], values: FormValues, initial?: FormValues): ClientFields {
  const out: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key] ?? (field.type === 'boolean' ? false : '');
    if (initial && value === initial[field.key]) continue;
    const sent = sentValue(field, value);
    if (sent === undefined) continue;
    if (field.key.startsWith('extra.')) extra[field.key.slice('extra.'.length)] = sent;
    else out[field.key] = sent;
  }
  if (Object.keys(extra).length) out.extra = extra;
  return out as ClientFields;
}

/** The input id of a field (`extra.contactEmail` → `client-extra-contactEmail`). */
export function inputId(key: string): string {
  return `client-${key.replace(/\./g, '-')}`;
}
