import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Connection, ConnectionAdd, ConnectionUpdate } from '../../../shared/schemas/connections';
import type { Keychain } from '../vault';
import { accountFor, deleteAllFor } from '../vault';
import { validateBaseUrl } from '../http';
import { registerSecret } from '../http/redact';
import { createProvider } from '../providers';
import type { Provider } from '../providers/types';
import type { EventBus } from '../ipc/event-bus';
import type { ConnectionRecords, StoredConnection } from './connection-records';
import { SECRET_SLOTS } from './connection-records';

export interface ConnectionServiceDeps {
  records: ConnectionRecords;
  keychain: Keychain;
  events: EventBus;
  fetch?: typeof fetch;
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
      async get(slot: keyof typeof SECRET_SLOTS): Promise<string | null> {
        const value = await keychain.get(accountFor(connectionId, SECRET_SLOTS[slot]));
        if (value) registerSecret(value);
        return value;
      },
    };
  }

  function provider(id: string): Provider {
    const cached = providers.get(id);
    if (cached) return cached;
    const created = createProvider(get(id), secretSource(id), deps.fetch ? { fetch: deps.fetch } : undefined);
    providers.set(id, created);
    return created;
  }

  function dropProvider(id: string): void {
    providers.get(id)?.dispose?.();
    providers.delete(id);
  }

  async function toView(connection: StoredConnection): Promise<Connection> {
    const stored = await keychain.list(`${connection.id}/`);
    const secretsStored = Object.values(SECRET_SLOTS).filter((slot) => stored.includes(accountFor(connection.id, slot)));
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

  async function storeSecrets(id: string, auth: { apiKey?: string | undefined; password?: string | undefined }): Promise<void> {
    if (auth.apiKey !== undefined) {
      registerSecret(auth.apiKey);
      await keychain.set(accountFor(id, SECRET_SLOTS.apiKey), auth.apiKey);
    }
    if (auth.password !== undefined) {
      registerSecret(auth.password);
      await keychain.set(accountFor(id, SECRET_SLOTS.password), auth.password);
    }
  }

  async function add(input: ConnectionAdd, opts: { demo?: boolean } = {}): Promise<Connection> {
    const baseUrl = validateBaseUrl(input.baseUrl);
    const id = randomUUID();
    const auth: StoredConnection['auth'] =
      input.auth.method === 'apiKey'
        ? { method: 'apiKey' }
        : { method: 'password', username: input.auth.username, clientUid: input.auth.clientUid ?? null };
    const connection: StoredConnection = {
      id,
      label: input.label,
      provider: input.provider,
      baseUrl,
      auth,
      demo: opts.demo ?? false,
      createdAt: new Date().toISOString(),
    };
    if (input.provider !== 'factpulse') {
      throw new AppError('UNSUPPORTED', `The ${input.provider} provider is not available yet.`, {
        fields: [{ field: 'provider', message: 'Only FactPulse is available in this version.' }],
      });
    }
    // Secrets first: a connection is never saved pointing at secrets that failed to store.
    await storeSecrets(id, input.auth.method === 'apiKey' ? { apiKey: input.auth.apiKey } : { password: input.auth.password });
    records.save(connection);
    await announce();
    return toView(connection);
  }

  async function update(input: ConnectionUpdate): Promise<Connection> {
    const current = get(input.id);
    const next: StoredConnection = { ...current };
    if (input.label !== undefined) next.label = input.label;
    if (input.baseUrl !== undefined) next.baseUrl = validateBaseUrl(input.baseUrl);
    if (input.auth) {
      next.auth =
        input.auth.method === 'apiKey'
          ? { method: 'apiKey' }
          : { method: 'password', username: input.auth.username, clientUid: input.auth.clientUid ?? null };
      const needs = input.auth.method === 'apiKey' ? SECRET_SLOTS.apiKey : SECRET_SLOTS.password;
      const given = input.auth.method === 'apiKey' ? input.auth.apiKey : input.auth.password;
      if (given === undefined && !(await keychain.get(accountFor(current.id, needs)))) {
        const field = input.auth.method === 'apiKey' ? 'auth.apiKey' : 'auth.password';
        throw new AppError('VALIDATION', 'A secret is required for this authentication method.', {
          fields: [{ field, message: 'Required: nothing is stored for this method yet.' }],
        });
      }
      await storeSecrets(current.id, input.auth.method === 'apiKey' ? { apiKey: input.auth.apiKey } : { password: input.auth.password });
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
    return { ok: true, latencyMs: Math.round(performance.now() - started), total: result.total };
  }

  function dispose(): void {
    for (const id of [...providers.keys()]) dropProvider(id);
  }

  return { list, get, add, update, remove, test, provider, toView, dispose };
}
