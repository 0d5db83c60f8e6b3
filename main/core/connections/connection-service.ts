import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Connection, ConnectionAdd, ConnectionUpdate } from '../../../shared/schemas/connections';
import type { Keychain } from '../vault';
import { deleteAllFor } from '../vault';
import { validateBaseUrl } from '../http';
import { registerSecret } from '../http/redact';
import { createProvider, providerModule } from '../providers';
import type { Provider } from '../providers/types';
import type { Transport } from '../providers/registry';
import { credentialAccount } from '../vault/slots';
import { checkConnectionInput } from '../../../shared/providers/connection-input';
import { secretFields } from '../../../shared/providers/descriptor';
import type { EventBus } from '../ipc/event-bus';
import type { ConnectionRecords, StoredConnection } from './connection-records';

export interface ConnectionServiceDeps {
  records: ConnectionRecords;
  keychain: Keychain;
  events: EventBus;
  fetch?: typeof fetch;
  /** What providers need beyond a fetch (the directory's certificates and audit hook). */
  transport?: Transport;
  /** The user authenticated the connection: credentials saved, or a test passed (FAPI's x-fapi-auth-date). */
  onAuthenticated?: (connectionId: string) => void;
  /** Drops everything cached for a connection (clients, outbox, sync state). */
  forgetCachedData?: (connectionId: string) => void;
}

export interface ConnectionService {
  list(): Promise<Connection[]>;
  get(id: string): StoredConnection;
  add(input: ConnectionAdd, opts?: { demo?: boolean }): Promise<Connection>;
  update(input: ConnectionUpdate): Promise<Connection>;
  remove(id: string): Promise<void>;
  test(id: string): Promise<{ ok: true; latencyMs: number; total: number | null }>;
  provider(id: string): Provider;
  toView(connection: StoredConnection): Promise<Connection>;
  dispose(): void;
}

export function createConnectionService(deps: ConnectionServiceDeps): ConnectionService {
  const { records, keychain, events } = deps;
  const providers = new Map<string, Provider>();

  function get(id: string): StoredConnection {
    const found = records.find(id);
    if (!found) throw new AppError('NOT_FOUND', `No connection with id ${id}.`);
    return found;
  }

  function secretSource(connectionId: string) {
    return {
      async get(slot: string): Promise<string | null> {
        const value = await keychain.get(credentialAccount(connectionId, slot));
        if (value) registerSecret(value);
        return value;
      },
    };
  }

  function provider(id: string): Provider {
    const cached = providers.get(id);
    if (cached) return cached;
    const created = createProvider(get(id), secretSource(id), { ...deps.transport, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
    providers.set(id, created);
    return created;
  }

  function dropProvider(id: string): void {
    providers.get(id)?.dispose?.();
    providers.delete(id);
  }

  async function toView(connection: StoredConnection): Promise<Connection> {
    const stored = await keychain.list(`${connection.id}/`);
    const slots = providerModule(connection.provider).descriptor.authMethods.flatMap((m) => secretFields(m).map((f) => f.key));
    const secretsStored = [...new Set(slots)].filter((slot) => stored.includes(credentialAccount(connection.id, slot)));
    let capabilities: Connection['capabilities'] = [];
    try {
      capabilities = [...provider(connection.id).capabilities];
    } catch {
      capabilities = [];
    }
    return { ...connection, capabilities, secretsStored };
  }

  async function list(): Promise<Connection[]> {
    return Promise.all(records.all().map(toView));
  }

  async function announce(): Promise<void> {
    events.emit('connections.changed', await list());
  }

  async function storeSecrets(id: string, secrets: Record<string, string>): Promise<void> {
    for (const [slot, value] of Object.entries(secrets)) {
      registerSecret(value);
      await keychain.set(credentialAccount(id, slot), value);
    }
  }

  async function add(input: ConnectionAdd, opts: { demo?: boolean } = {}): Promise<Connection> {
    const module = providerModule(input.provider);
    const checked = checkConnectionInput(module.descriptor, input, 'create');
    const baseUrl = validateBaseUrl(input.baseUrl, { httpsOnly: module.descriptor.baseUrl.httpsOnly ?? false });
    const id = randomUUID();
    const connection: StoredConnection = {
      id,
      label: input.label,
      provider: input.provider,
      baseUrl,
      auth: checked.auth,
      settings: checked.settings,
      demo: opts.demo ?? false,
      createdAt: new Date().toISOString(),
    };
    // Secrets first: a connection is never saved pointing at secrets that failed to store.
    await storeSecrets(id, checked.secrets);
    records.save(connection);
    deps.onAuthenticated?.(id);
    await announce();
    return toView(connection);
  }

  async function update(input: ConnectionUpdate): Promise<Connection> {
    const current = get(input.id);
    const next: StoredConnection = { ...current };
    const { descriptor } = providerModule(current.provider);
    if (input.label !== undefined) next.label = input.label;
    if (input.baseUrl !== undefined) next.baseUrl = validateBaseUrl(input.baseUrl, { httpsOnly: descriptor.baseUrl.httpsOnly ?? false });
    if (input.auth || input.settings) {
      const checked = checkConnectionInput(descriptor, { auth: input.auth ?? current.auth, settings: input.settings ?? current.settings }, 'update');
      for (const slot of checked.requiredSlots) {
        if (checked.secrets[slot] === undefined && !(await keychain.get(credentialAccount(current.id, slot)))) {
          throw new AppError('VALIDATION', 'A secret is required for this authentication method.', {
            fields: [{ field: `auth.${slot}`, message: 'Required: nothing is stored for this method yet.' }],
          });
        }
      }
      next.auth = checked.auth;
      next.settings = checked.settings;
      await storeSecrets(current.id, checked.secrets);
      if (Object.keys(checked.secrets).length > 0) deps.onAuthenticated?.(current.id);
    }
    records.save(next);
    dropProvider(current.id);
    await announce();
    return toView(next);
  }

  async function remove(id: string): Promise<void> {
    get(id);
    dropProvider(id);
    await deleteAllFor(keychain, id);
    deps.forgetCachedData?.(id);
    records.remove(id);
    await announce();
  }

  async function test(id: string): Promise<{ ok: true; latencyMs: number; total: number | null }> {
    const started = performance.now();
    const result = await provider(id).testConnection();
    deps.onAuthenticated?.(id);
    return { ok: true, latencyMs: Math.round(performance.now() - started), total: result.total };
  }

  function dispose(): void {
    for (const id of [...providers.keys()]) dropProvider(id);
  }

  return { list, get, add, update, remove, test, provider, toView, dispose };
}
