import type { Connection, ConnectionAdd, ConnectionUpdate } from '../../../shared/schemas/connections';

export interface ConnectionFormValues {
  label: string;
  baseUrl: string;
  method: 'apiKey' | 'password';
  apiKey: string;
  username: string;
  password: string;
  clientUid: string;
}

/** Secrets are never pre-filled: they are write-only. */
export function initialValues(connection: Connection | null): ConnectionFormValues {
  return {
    label: connection?.label ?? '',
    baseUrl: connection?.baseUrl ?? 'https://',
    method: connection?.auth.method === 'password' ? 'password' : 'apiKey',
    apiKey: '',
    username: connection?.auth.method === 'password' ? (connection.auth.username ?? '') : '',
    password: '',
    clientUid: connection?.auth.method === 'password' ? (connection.auth.clientUid ?? '') : '',
  };
}

export function toAddInput(v: ConnectionFormValues): ConnectionAdd {
  return {
    label: v.label,
    provider: 'factpulse',
    baseUrl: v.baseUrl,
    auth:
      v.method === 'apiKey'
        ? { method: 'apiKey', apiKey: v.apiKey }
        : { method: 'password', username: v.username, password: v.password, clientUid: v.clientUid.trim() || null },
  };
}

/** An empty secret on edit keeps the stored one; an unchanged API-key method sends no auth at all. */
export function toUpdateInput(connection: Connection, v: ConnectionFormValues): ConnectionUpdate {
  const input: ConnectionUpdate = { id: connection.id, label: v.label, baseUrl: v.baseUrl };
  if (v.method === 'apiKey') {
    if (v.apiKey || connection.auth.method !== 'apiKey') input.auth = { method: 'apiKey', apiKey: v.apiKey || undefined };
  } else {
    input.auth = { method: 'password', username: v.username, password: v.password || undefined, clientUid: v.clientUid.trim() || null };
  }
  return input;
}
