import { AppError } from '../../../../shared/errors';
import { registerSecret } from '../../http/redact';

/** Reads a connection's secrets from the keychain on demand; nothing is kept here. */
export interface SecretReader {
  get(slot: string): Promise<string | null>;
}

/** The auth a connection stores: its method and non-secret fields (secrets are keychain slots). */
export interface StoredAuth {
  method: string;
  [field: string]: unknown;
}

export async function requireSecret(secrets: SecretReader, slot: string, label: string): Promise<string> {
  const value = await secrets.get(slot);
  if (!value) {
    throw new AppError('AUTH_REQUIRED', `No ${label} is stored for this connection.`, {
      fields: [{ field: `auth.${slot}`, message: 'Missing from the keychain; enter it again.' }],
    });
  }
  registerSecret(value);
  return value;
}

/** Headers for the static schemes: none, bearer token, an API key in a header the user names, HTTP Basic. */
export function staticAuthHeaders(auth: StoredAuth, secrets: SecretReader): () => Promise<Record<string, string>> {
  return async () => {
    switch (auth.method) {
      case 'none':
        return {};
      case 'bearer':
        return { authorization: `Bearer ${await requireSecret(secrets, 'token', 'token')}` };
      case 'apiKeyHeader': {
        const header = typeof auth.headerName === 'string' && auth.headerName ? auth.headerName : 'X-API-Key';
        return { [header.toLowerCase()]: await requireSecret(secrets, 'apiKey', 'API key') };
      }
      case 'basic': {
        const username = typeof auth.username === 'string' ? auth.username : '';
        const password = await requireSecret(secrets, 'password', 'password');
        const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
        registerSecret(encoded);
        return { authorization: `Basic ${encoded}` };
      }
      default:
        throw new AppError('UNSUPPORTED', `This connection uses an authentication method this provider does not know (${auth.method}).`);
    }
  };
}
