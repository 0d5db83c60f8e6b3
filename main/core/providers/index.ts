import { AppError } from '../../../shared/errors';
import type { StoredConnection } from '../connections/connection-records';
import { createFactPulseProvider } from './factpulse';
import type { SecretSource } from './factpulse/auth';
import type { Provider } from './types';

export type { Provider } from './types';

/** The provider for a stored connection; secrets are read from the keychain on demand, never kept here. */
export function createProvider(connection: StoredConnection, secrets: SecretSource, opts: { fetch?: typeof fetch } = {}): Provider {
  switch (connection.provider) {
    case 'factpulse':
      return createFactPulseProvider({
        connectionId: connection.id,
        baseUrl: connection.baseUrl,
        auth: connection.auth,
        secrets,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      });
    default:
      throw new AppError('UNSUPPORTED', `The ${connection.provider} provider is not available yet.`);
  }
}
