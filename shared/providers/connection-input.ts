import type { z } from 'zod';
import { AppError } from '../errors';
import type { FieldError } from '../errors';
import type { ProviderDescriptor } from './descriptor';
import { authMethod, secretFields } from './descriptor';
import { authFieldsSchemaFor, settingsSchemaFor } from './field-schema';

export type SettingValue = string | string[] | null;

export interface CheckedConnectionInput {
  /** Stored with the connection: the method and its non-secret fields. */
  auth: { method: string } & Record<string, string | null>;
  /** Keychain slot → value; absent on edit keeps the stored secret. */
  secrets: Record<string, string>;
  settings: Record<string, SettingValue>;
  /** Secret slots the method needs (to check that an edit that sends none has them stored). */
  requiredSlots: string[];
}

function issuesToFields(prefix: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }));
}

/**
 * Checks a connection's auth and settings against its provider's descriptor. Messages are i18n keys
 * (`validation.*`), shown next to `auth.<field>` / `settings.<field>`.
 */
export function checkConnectionInput(
  descriptor: ProviderDescriptor,
  input: { auth: { method: string } & Record<string, unknown>; settings?: Record<string, unknown> | undefined },
  mode: 'create' | 'update',
): CheckedConnectionInput {
  const method = authMethod(descriptor, input.auth.method);
  if (!method) {
    throw new AppError('VALIDATION', `${descriptor.displayName} does not accept this authentication method.`, {
      fields: [{ field: 'auth.method', message: 'validation.unknownMethod' }],
    });
  }
  const fields: FieldError[] = [];
  const auth = authFieldsSchemaFor(method, mode).safeParse(input.auth);
  if (!auth.success) fields.push(...issuesToFields('auth', auth.error));
  const settings = settingsSchemaFor(descriptor).safeParse(input.settings ?? {});
  if (!settings.success) fields.push(...issuesToFields('settings', settings.error));
  if (!auth.success || !settings.success) {
    throw new AppError('VALIDATION', 'Some connection values are not valid.', { fields });
  }
  const stored: Record<string, string | null> = {};
  const secrets: Record<string, string> = {};
  for (const field of method.fields) {
    const value = (auth.data as Record<string, unknown>)[field.key];
    if (field.type === 'secret') {
      if (typeof value === 'string' && value !== '') secrets[field.key] = value;
    } else {
      stored[field.key] = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    }
  }
  return {
    auth: { ...stored, method: method.id },
    secrets,
    settings: settings.data as Record<string, SettingValue>,
    requiredSlots: secretFields(method).filter((f) => f.required).map((f) => f.key),
  };
}
