import { AppError } from '../../../shared/errors';

/** The OS keychain, or a stand-in with the same interface. Accounts are `<connectionId>/<slot>`. */
export interface Keychain {
  readonly backend: 'os' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Account names starting with `prefix` (never the secrets). */
  list(prefix?: string): Promise<string[]>;
}

export interface OpenedKeychain {
  keychain: Keychain;
  /** os: the OS keychain; memory-fallback: it was unavailable, secrets live in memory only; memory: chosen on purpose. */
  status: 'os' | 'memory-fallback' | 'memory';
  reason: string | undefined;
}

export const DEFAULT_SERVICE = 'clientdesk';
const PROBE_TIMEOUT_MS = 5_000;

/** False when secrets (and keys) would be lost when the app quits: a key must not be born there. */
export function keepsSecrets(keychain: Keychain): boolean {
  return keychain.backend === 'os';
}

export function accountFor(connectionId: string, slot: string): string {
  return `${connectionId}/${slot}`;
}

/** Removes every secret a connection owns (credentials, keys, webhook secrets). */
export async function deleteAllFor(keychain: Keychain, connectionId: string): Promise<number> {
  const accounts = await keychain.list(`${connectionId}/`);
  for (const account of accounts) await keychain.delete(account);
  return accounts.length;
}

export function createMemoryKeychain(): Keychain {
  const secrets = new Map<string, string>();
  return {
    backend: 'memory',
    async get(account) {
      return secrets.get(account) ?? null;
    },
    async set(account, secret) {
      secrets.set(account, secret);
    },
    async delete(account) {
      return secrets.delete(account);
    },
    async list(prefix = '') {
      return [...secrets.keys()].filter((a) => a.startsWith(prefix)).sort();
    },
  };
}

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

function keychainError(err: unknown): AppError {
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new AppError('KEYCHAIN_UNAVAILABLE', `The system keychain refused the operation (${detail}).`);
}

async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw keychainError(err);
  }
}

export function createOsKeychain(keytar: KeytarApi, service = DEFAULT_SERVICE): Keychain {
  return {
    backend: 'os',
    get: (account) => guarded(() => keytar.getPassword(service, account)),
    set: (account, secret) => guarded(() => keytar.setPassword(service, account, secret)),
    delete: (account) => guarded(() => keytar.deletePassword(service, account)),
    async list(prefix = '') {
      const found = await guarded(() => keytar.findCredentials(service));
      return found.map((c) => c.account).filter((a) => a.startsWith(prefix)).sort();
    },
  };
}

async function loadKeytar(): Promise<KeytarApi> {
  const mod = (await import('@github/keytar')) as unknown as KeytarApi & { default?: KeytarApi };
  return mod.default ?? mod;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Opens the OS keychain and proves it works with a probe write; falls back to memory and says why. */
export async function openKeychain(opts: { service?: string; prefer?: 'os' | 'memory' } = {}): Promise<OpenedKeychain> {
  if (opts.prefer === 'memory') return { keychain: createMemoryKeychain(), status: 'memory', reason: undefined };
  try {
    const keytar = await loadKeytar();
    const keychain = createOsKeychain(keytar, opts.service ?? DEFAULT_SERVICE);
    const probe = '__clientdesk_probe__';
    await withTimeout(keychain.set(probe, 'ok'), PROBE_TIMEOUT_MS, 'The keychain');
    const read = await withTimeout(keychain.get(probe), PROBE_TIMEOUT_MS, 'The keychain');
    await withTimeout(keychain.delete(probe), PROBE_TIMEOUT_MS, 'The keychain');
    if (read !== 'ok') throw new Error('the probe secret did not read back');
    return { keychain, status: 'os', reason: undefined };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { keychain: createMemoryKeychain(), status: 'memory-fallback', reason };
  }
}
