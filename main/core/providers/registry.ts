import type { ProviderId } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { DESCRIPTORS } from '../../../shared/providers';
import type { ProviderDescriptor } from '../../../shared/providers';
import type { StoredConnection } from '../connections/connection-records';
import type { SecretReader } from './common/static-auth';
import { createDirectoryProvider } from './directory';
import type { DirectoryRuntime } from './directory';
import { createFactPulseProvider } from './factpulse';
import { createSitesProvider } from './sites';
import { createTokenizationProvider } from './tokenization';
import type { Provider } from './types';

/** How a provider reaches its server: tests and the demo pass a fetch; mutual TLS passes its own. */
export interface Transport {
  fetch?: typeof fetch;
  /** The directory's certificates, auth time and audit hook (it builds its own mutual-TLS agent). */
  directory?: DirectoryRuntime;
}

export interface ProviderModule {
  descriptor: ProviderDescriptor;
  create(connection: StoredConnection, secrets: SecretReader, transport: Transport): Provider;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const fetchOf = (t: Transport) => (t.fetch ? { fetch: t.fetch } : {});

const NO_DIRECTORY_RUNTIME: DirectoryRuntime = { credentials: () => ({ certificatePem: null, caPem: null, authenticatedAt: null }) };

/** One line per provider: its descriptor and how to build it for a connection. */
const MODULES: Partial<Record<ProviderId, ProviderModule>> = {
  factpulse: {
    descriptor: DESCRIPTORS.factpulse,
    create: (c, secrets, t) =>
      createFactPulseProvider({
        connectionId: c.id,
        baseUrl: c.baseUrl,
        auth:
          c.auth.method === 'password'
            ? { method: 'password', username: text(c.auth.username) ?? '', clientUid: text(c.auth.clientUid) }
            : { method: 'apiKey' },
        secrets,
        ...fetchOf(t),
      }),
  },
  sites: {
    descriptor: DESCRIPTORS.sites,
    create: (c, secrets, t) => createSitesProvider({ connectionId: c.id, baseUrl: c.baseUrl, auth: c.auth, secrets, ...fetchOf(t) }),
  },
  tokenization: {
    descriptor: DESCRIPTORS.tokenization,
    create: (c, secrets, t) =>
      createTokenizationProvider({
        connectionId: c.id,
        baseUrl: c.baseUrl,
        auth: c.auth,
        partners: list(c.settings?.partners),
        secrets,
        ...fetchOf(t),
      }),
  },
  directory: {
    descriptor: DESCRIPTORS.directory,
    create: (c, secrets, t) =>
      createDirectoryProvider({ connectionId: c.id, baseUrl: c.baseUrl, auth: c.auth, settings: c.settings ?? {}, secrets, runtime: t.directory ?? NO_DIRECTORY_RUNTIME }),
  },
};

export function providerModule(id: ProviderId): ProviderModule {
  const found = MODULES[id];
  if (!found) throw new AppError('UNSUPPORTED', `The ${DESCRIPTORS[id].displayName} provider is not available in this version.`);
  return found;
}

export function availableProviders(): ProviderId[] {
  return Object.keys(MODULES) as ProviderId[];
}
