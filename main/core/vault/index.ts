export { accountFor, createMemoryKeychain, createOsKeychain, deleteAllFor, openKeychain, DEFAULT_SERVICE } from './keychain';
export type { Keychain, OpenedKeychain } from './keychain';
export { createSealer, dataKeyId, DATA_KEY_ACCOUNT, ENVELOPE_VERSION } from './sealing';
export type { Sealer } from './sealing';
