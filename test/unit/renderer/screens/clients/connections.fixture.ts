import type { ProviderId } from '../../../../../shared/domain';
import { DESCRIPTORS } from '../../../../../shared/providers';
import type { Connection } from '../../../../../shared/schemas/connections';

/** A connection as connections.list answers it, with its provider's capabilities. */
export function connectionOf(id: string, provider: ProviderId): Connection {
  return {
    id,
    label: `${provider} ${id}`,
    provider,
    baseUrl: 'http://127.0.0.1:1',
    auth: { method: DESCRIPTORS[provider].authMethods[0]!.id },
    settings: {},
    demo: false,
    capabilities: [...DESCRIPTORS[provider].capabilities],
    secretsStored: [],
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}
