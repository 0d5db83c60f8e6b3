import type { Capability, ClientRecord } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { sitesDescriptor } from '../../../../shared/providers/sites';
import { createHttpClient } from '../../http';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http';
import { errorFromStatus } from '../common/http-errors';
import { jsonArrayItems } from '../common/json-array-stream';
import { staticAuthHeaders } from '../common/static-auth';
import type { SecretReader, StoredAuth } from '../common/static-auth';
import type { CallOptions, ClientInput, Provider } from '../types';
import { codeFrom, toClientRecord } from './mappers';

export interface SitesOptions {
  connectionId: string;
  baseUrl: string;
  auth: StoredAuth;
  secrets: SecretReader;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
}

const VOCABULARY = { system: 'the registry', fieldNames: { nom: 'name', code: 'identifier', client_id: 'remoteId' } };
const PROBE_ID = '00000000-0000-4000-8000-000000000000';
const clientPath = (id: string, rest = '') => `/clients/${encodeURIComponent(id)}${rest}`;

export function createSitesProvider(options: SitesOptions): Provider {
  const http: HttpClient = createHttpClient({
    baseUrl: options.baseUrl,
    authorize: staticAuthHeaders(options.auth, options.secrets),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 250,
    concurrency: 4,
  });

  async function call(req: HttpRequest, opts?: CallOptions): Promise<HttpResponse> {
    const res = await http.request(opts?.signal ? { ...req, signal: opts.signal } : req);
    if (res.status !== 200) throw errorFromStatus(res, VOCABULARY);
    return res;
  }

  /** `/clients/all` is the whole registry in one answer: read as a stream, item by item. */
  async function* streamAll(batchSize: number, opts?: CallOptions): AsyncGenerator<ClientRecord[]> {
    const res = await http.stream({ method: 'GET', path: '/clients/all', ...(opts?.signal ? { signal: opts.signal } : {}) });
    if (res.status !== 200 || !res.body) throw errorFromStatus({ ...res, data: res.data }, VOCABULARY);
    for await (const items of jsonArrayItems(res.body, batchSize, 'The registry’s client list')) {
      yield items.map((w) => toClientRecord(options.connectionId, w));
    }
  }

  async function listAll(opts?: CallOptions): Promise<ClientRecord[]> {
    const records: ClientRecord[] = [];
    for await (const batch of streamAll(1_000, opts)) records.push(...batch);
    return records;
  }

  /** PUT replaces the whole record: a partial change is completed from the server's current one. */
  async function fullRecord(id: string, input: ClientInput, opts?: CallOptions): Promise<{ nom: string; code: number }> {
    if (input.name !== undefined && input.identifier !== undefined) return { nom: input.name, code: codeFrom(input.identifier) };
    const current = await provider.getClient!(id, opts);
    return { nom: input.name ?? current.name, code: codeFrom(input.identifier ?? current.identifier) };
  }

  const provider: Provider = {
    id: 'sites',
    capabilities: new Set<Capability>(sitesDescriptor.capabilities),

    async testConnection(opts) {
      // The cheapest authenticated call: an id no client has. 404 proves the server and the credentials
      // (a refused credential is 401/403 first); the list would download the whole registry.
      const res = await http.request({ method: 'GET', path: clientPath(PROBE_ID, '/infos'), ...(opts?.signal ? { signal: opts.signal } : {}) });
      if (res.status !== 404 && res.status !== 200) throw errorFromStatus(res, VOCABULARY);
      return { total: null };
    },

    streamClients: (batchSize, opts) => streamAll(batchSize, opts),

    async listClients(page, pageSize, opts) {
      if (page > 1) return { records: [], total: null, page, pageSize };
      const records = await listAll(opts);
      return { records, total: records.length, page: 1, pageSize: Math.max(pageSize, records.length) };
    },

    async getClient(id, opts) {
      const res = await call({ method: 'GET', path: clientPath(id, '/infos') }, opts);
      return toClientRecord(options.connectionId, res.data);
    },

    async createClient(input, opts) {
      const body = { nom: input.name ?? '', code: codeFrom(input.identifier) };
      const res = await call({ method: 'POST', path: '/clients/register', body, idempotent: false }, opts);
      return toClientRecord(options.connectionId, res.data);
    },

    async updateClient(id, input, opts) {
      const body = { client_id: id, ...(await fullRecord(id, input, opts)) };
      const res = await call({ method: 'PUT', path: '/clients/update', body, idempotent: true }, opts);
      return toClientRecord(options.connectionId, res.data);
    },

    async deactivateClient(id, opts) {
      const res = await call({ method: 'DELETE', path: clientPath(id), idempotent: true }, opts);
      if (res.data !== true) throw new AppError('BAD_RESPONSE', 'The registry did not confirm the deactivation.');
      return { status: 'inactive', message: '' };
    },
  };
  return provider;
}
