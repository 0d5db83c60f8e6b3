import type { ProviderId } from '../../../shared/domain';
import { DESCRIPTORS } from '../../../shared/providers';
import type { ProviderDescriptor } from '../../../shared/providers';
import { authMethod } from '../../../shared/providers/descriptor';
import type { Connection, ConnectionAdd, ConnectionUpdate } from '../../../shared/schemas/connections';

export interface ConnectionFormValues {
  label: string;
  provider: ProviderId;
  baseUrl: string;
  method: string;
  /** The method's fields; secrets start empty (write-only) and an empty one on edit keeps what is stored. */
  auth: Record<string, string>;
  settings: Record<string, string | string[]>;
}

function emptySettings(descriptor: ProviderDescriptor, from: Connection['settings'] = {}): Record<string, string | string[]> {
  return Object.fromEntries(
    descriptor.settings.map((f) => {
      const value = from[f.key];
      if (f.type === 'list') return [f.key, Array.isArray(value) ? value : []];
      return [f.key, typeof value === 'string' ? value : ''];
    }),
  );
}

export function initialValues(connection: Connection | null, provider: ProviderId = 'factpulse'): ConnectionFormValues {
  const descriptor = DESCRIPTORS[connection?.provider ?? provider];
  const method = connection?.auth.method ?? descriptor.authMethods[0]!.id;
  const auth: Record<string, string> = {};
  for (const field of authMethod(descriptor, method)?.fields ?? []) {
    const stored = connection?.auth[field.key];
    auth[field.key] = field.type === 'secret' || typeof stored !== 'string' ? '' : stored;
  }
  return {
    label: connection?.label ?? '',
    provider: descriptor.id,
    baseUrl: connection?.baseUrl ?? 'https://',
    method,
    auth,
    settings: emptySettings(descriptor, connection?.settings),
  };
}

/** Another provider or method starts from that one's fields; what was typed in common fields stays. */
export function withProvider(values: ConnectionFormValues, provider: ProviderId): ConnectionFormValues {
  const fresh = initialValues(null, provider);
  return { ...fresh, label: values.label, baseUrl: values.baseUrl };
}

export function withMethod(values: ConnectionFormValues, method: string): ConnectionFormValues {
  const fields = authMethod(DESCRIPTORS[values.provider], method)?.fields ?? [];
  return { ...values, method, auth: Object.fromEntries(fields.map((f) => [f.key, values.auth[f.key] ?? ''])) };
}

function authInput(values: ConnectionFormValues, keepEmptySecrets: boolean): ConnectionAdd['auth'] {
  const fields = authMethod(DESCRIPTORS[values.provider], values.method)?.fields ?? [];
  const auth: ConnectionAdd['auth'] = { method: values.method };
  for (const field of fields) {
    const value = values.auth[field.key] ?? '';
    if (field.type === 'secret' && value === '' && keepEmptySecrets) continue;
    auth[field.key] = field.type !== 'secret' && !field.required && value.trim() === '' ? null : value;
  }
  return auth;
}

function settingsInput(values: ConnectionFormValues): NonNullable<ConnectionAdd['settings']> {
  const out: NonNullable<ConnectionAdd['settings']> = {};
  for (const [key, value] of Object.entries(values.settings)) {
    out[key] = Array.isArray(value) ? value.map((v) => v.trim()).filter(Boolean) : value.trim() === '' ? null : value;
  }
  return out;
}

export function toAddInput(v: ConnectionFormValues): ConnectionAdd {
  return { label: v.label, provider: v.provider, baseUrl: v.baseUrl, auth: authInput(v, false), settings: settingsInput(v) };
}

/** An empty secret on edit keeps the stored one. */
export function toUpdateInput(connection: Connection, v: ConnectionFormValues): ConnectionUpdate {
  return { id: connection.id, label: v.label, baseUrl: v.baseUrl, auth: authInput(v, true), settings: settingsInput(v) };
}

/** The form's values with their keys in one order, so two equal forms read the same. */
function canonical(v: ConnectionFormValues): string {
  const sorted = (record: Record<string, unknown>) => Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
  return JSON.stringify([v.label, v.provider, v.baseUrl, v.method, sorted(v.auth), sorted(v.settings)]);
}

/** Whether the form holds something the user typed or chose that saving would keep (and leaving would lose). */
export function isConnectionFormEdited(values: ConnectionFormValues, initial: ConnectionFormValues): boolean {
  return canonical(values) !== canonical(initial);
}
