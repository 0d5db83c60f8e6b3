export { accountFor, createMemoryKeychain, createOsKeychain, deleteAllFor, openKeychain, DEFAULT_SERVICE } from './keychain';
export type { Keychain, OpenedKeychain } from './keychain';
