import { accountFor } from './keychain';

/**
 * Every keychain account Clientdesk writes, in one place: `<connectionId>/<slot>` for what a connection owns.
 * Credential slots are the secret fields of the provider's auth method (shared/providers), named as in the
 * descriptor (`apiKey`, `password`, `token`); the mTLS material has its own slots.
 */
export const SLOTS = {
  credential: (field: string) => field,
  clientKey: (clientUid: string, state: 'current' | 'pending' | 'previous') => `key/${clientUid}/${state}`,
  clientKeysPrefix: 'key/',
  webhookSecret: (remoteId: string) => `webhook/${remoteId}`,
  mtlsPrivateKey: 'mtls/privateKey',
  mtlsPassphrase: 'mtls/passphrase',
} as const;

export function credentialAccount(connectionId: string, field: string): string {
  return accountFor(connectionId, SLOTS.credential(field));
}
