import { randomUUID } from 'node:crypto';
import type { ConnectionAdd } from '../../../shared/schemas/connections';
import { checkConnectionInput } from '../../../shared/providers/connection-input';
import { validateBaseUrl } from '../http';
import { registerSecret } from '../http/redact';
import { createProvider, providerModule } from '../providers';
import type { Transport } from '../providers/registry';
import type { StoredConnection } from './connection-records';

export interface ProbeResult {
  ok: true;
  latencyMs: number;
  total: number | null;
}

/**
 * Tries a connection the user has not saved yet: the same checks as connections.add, then the provider's
 * own test call with the typed secrets held in memory for this call only. Nothing is stored — no
 * keychain entry, no connection record, no status — so a failed try leaves no trace in the app.
 */
export async function probeConnection(input: ConnectionAdd, transport: Transport = {}): Promise<ProbeResult> {
  const module = providerModule(input.provider);
  const checked = checkConnectionInput(module.descriptor, input, 'create');
  const baseUrl = validateBaseUrl(input.baseUrl, { httpsOnly: module.descriptor.baseUrl.httpsOnly ?? false });
  for (const value of Object.values(checked.secrets)) registerSecret(value);
  const connection: StoredConnection = {
    id: `probe-${randomUUID()}`,
    label: input.label,
    provider: input.provider,
    baseUrl,
    auth: checked.auth,
    settings: checked.settings,
    demo: false,
    createdAt: new Date().toISOString(),
  };
  const provider = createProvider(connection, { get: async (slot) => checked.secrets[slot] ?? null }, transport);
  const started = performance.now();
  try {
    const result = await provider.testConnection();
    return { ok: true, latencyMs: Math.round(performance.now() - started), total: result.total };
  } finally {
    provider.dispose?.();
  }
}
