export { accountFor, createMemoryKeychain, createOsKeychain, deleteAllFor, keepsSecrets, openKeychain, DEFAULT_SERVICE } from './keychain';
export type { Keychain, OpenedKeychain } from './keychain';
export { createSealer, dataKeyId, DATA_KEY_ACCOUNT, ENVELOPE_VERSION, LEGACY_ENVELOPE_VERSION } from './sealing';
export type { SealBinding, Sealer, SealNow } from './sealing';
