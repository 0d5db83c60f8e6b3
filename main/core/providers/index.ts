import type { StoredConnection } from '../connections/connection-records';
import type { SecretReader } from './common/static-auth';
import { providerModule } from './registry';
import type { Transport } from './registry';
import type { Provider } from './types';

export type { Provider } from './types';
export { availableProviders, providerModule } from './registry';

/** The provider for a stored connection; secrets are read from the keychain on demand, never kept here. */
export function createProvider(connection: StoredConnection, secrets: SecretReader, transport: Transport = {}): Provider {
  return providerModule(connection.provider).create(connection, secrets, transport);
}
