import type { Capability } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { createHttpClient } from '../../http';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http';
import type { CallOptions, ClientInput, Provider } from '../types';
import { createFactPulseAuth } from './auth';
import type { FactPulseAuthConfig, SecretSource } from './auth';
import { errorFromResponse } from './errors';
import { toClientRecord, toPdpConfig, toWireClient, toWirePdp } from './mappers';

export interface FactPulseOptions {
  connectionId: string;
  baseUrl: string;
  auth: FactPulseAuthConfig;
  secrets: SecretSource;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
  concurrency?: number;
}

const ACCOUNT_CAPABILITIES: Capability[] = [
  'list', 'get', 'create', 'update', 'activate', 'deactivate', 'pdpConfig', 'encryptionKeys', 'webhookSecret',
];

const clientPath = (uid: string, rest = '') => `/api/v1/clients/${encodeURIComponent(uid)}${rest}`;

export function createFactPulseProvider(options: FactPulseOptions): Provider {
  const scopedTo = options.auth.method === 'password' ? options.auth.clientUid : null;
  const common = {
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 250,
  };
  // Token calls get their own client: they run while an API call holds a slot of the main limiter
  // (authorize is called inside it), so sharing one limiter would deadlock once every slot waits for a login.
  const tokenHttp: HttpClient = createHttpClient({ ...common, concurrency: 1 });
  const auth = createFactPulseAuth(options.auth, options.secrets, () => tokenHttp);
  const http: HttpClient = createHttpClient({ ...common, authorize: auth.headers, concurrency: options.concurrency ?? 6 });
  const failure = (res: HttpResponse) => errorFromResponse(res, { scopedTo });

  /** One call; a 401 on a bearer token renews it (refresh, else log in again) and tries once more. */
  async function call(req: HttpRequest, ok: number[] = [200]): Promise<HttpResponse> {
    let res = await http.request(req);
    if (res.status === 401 && (await auth.renew())) res = await http.request(req);
    if (!ok.includes(res.status)) throw failure(res);
    return res;
  }

  const withSignal = (req: HttpRequest, opts?: CallOptions): HttpRequest => (opts?.signal ? { ...req, signal: opts.signal } : req);

  const provider: Provider = {
    id: 'factpulse',
    capabilities: new Set(scopedTo ? ACCOUNT_CAPABILITIES.filter((c) => c !== 'create') : ACCOUNT_CAPABILITIES),

    async testConnection(opts) {
      const page = await provider.listClients(1, 1, opts);
      return { total: page.total };
    },

    async listClients(page, pageSize, opts) {
      if (scopedTo) {
        // A client-scoped token may not list: its one client is the whole list.
        const record = await provider.getClient!(scopedTo, opts);
        return { records: page === 1 ? [record] : [], total: 1, page, pageSize };
      }
      const res = await call(withSignal({ method: 'GET', path: '/api/v1/clients', query: { page, pageSize } }, opts));
      const data = res.data as { results?: unknown; total?: unknown; page?: unknown; pageSize?: unknown } | null;
      if (!data || !Array.isArray(data.results)) throw new AppError('BAD_RESPONSE', 'FactPulse sent a client list without results.');
      return {
        records: data.results.map((w) => toClientRecord(options.connectionId, w)),
        total: typeof data.total === 'number' ? data.total : null,
        page: typeof data.page === 'number' ? data.page : page,
        pageSize: typeof data.pageSize === 'number' ? data.pageSize : pageSize,
      };
    },

    async getClient(uid, opts) {
      const res = await call(withSignal({ method: 'GET', path: clientPath(uid) }, opts));
      return toClientRecord(options.connectionId, res.data);
    },

    async createClient(input: ClientInput, opts) {
      const res = await call(withSignal({ method: 'POST', path: '/api/v1/clients', body: toWireClient(input) }, opts), [200, 201]);
      return toClientRecord(options.connectionId, res.data);
    },

    async updateClient(uid, input, opts) {
      const res = await call(withSignal({ method: 'PATCH', path: clientPath(uid), body: toWireClient(input), idempotent: true }, opts));
      return toClientRecord(options.connectionId, res.data);
    },

    async activateClient(uid, opts) {
      const res = await call(withSignal({ method: 'POST', path: clientPath(uid, '/activer'), idempotent: true }, opts));
      const d = res.data as { isActive?: unknown; message?: unknown };
      return { status: d.isActive === true ? 'active' : 'inactive', message: String(d.message ?? '') };
    },

    async deactivateClient(uid, opts) {
      const res = await call(withSignal({ method: 'POST', path: clientPath(uid, '/desactiver'), idempotent: true }, opts));
      const d = res.data as { isActive?: unknown; message?: unknown };
      return { status: d.isActive === false ? 'inactive' : 'active', message: String(d.message ?? '') };
    },

    async getPdpConfig(uid, opts) {
      const headers = opts?.encryptionKey ? { 'x-encryption-key': opts.encryptionKey } : undefined;
      const res = await call(withSignal({ method: 'GET', path: clientPath(uid, '/pdp-config'), ...(headers ? { headers } : {}) }, opts));
      return toPdpConfig(res.data);
    },

    async updatePdpConfig(uid, input, opts) {
      if (input.encryptionMode === 'double' && !opts?.encryptionKey) {
        throw new AppError('KEY_MISSING', 'Double encryption needs the client key (X-Encryption-Key).');
      }
      const headers = opts?.encryptionKey ? { 'x-encryption-key': opts.encryptionKey } : undefined;
      const req: HttpRequest = { method: 'PUT', path: clientPath(uid, '/pdp-config'), body: toWirePdp(input), idempotent: true, ...(headers ? { headers } : {}) };
      const res = await call(withSignal(req, opts));
      return toPdpConfig(res.data);
    },

    async rotateEncryptionKey(uid, oldKey, newKey, opts) {
      // Not idempotent: once applied, a replay with the same oldKey is refused. Recovery decides instead.
      // A 401 means nothing was applied, so one renewed attempt is safe (call() does exactly one).
      let res: HttpResponse;
      try {
        res = await call(withSignal({ method: 'POST', path: clientPath(uid, '/rotate-encryption-key'), body: { oldKey, newKey }, idempotent: false }, opts));
      } catch (err) {
        if (err instanceof AppError && err.details?.status === 400) {
          throw new AppError('KEY_MISMATCH', 'FactPulse refused the current key: it is not the one protecting this client’s secret. Nothing was changed.', {
            status: 400,
            ...(err.details.requestId ? { requestId: err.details.requestId } : {}),
          });
        }
        throw err;
      }
      const d = res.data as Record<string, unknown>;
      return {
        success: d.success === true,
        message: String(d.message ?? ''),
        rotatedCount: typeof d.rotatedCount === 'number' ? d.rotatedCount : 0,
        partialErrors: Array.isArray(d.partialErrors) ? d.partialErrors.map(String) : [],
      };
    },

    async generateWebhookSecret(uid, opts) {
      const res = await call(withSignal({ method: 'POST', path: clientPath(uid, '/webhook-secret/generate') }, opts));
      const d = res.data as Record<string, unknown>;
      if (typeof d.webhookSecret !== 'string') throw new AppError('BAD_RESPONSE', 'FactPulse did not return the webhook secret.');
      return { webhookSecret: d.webhookSecret, createdAt: typeof d.createdAt === 'string' ? d.createdAt : null, message: String(d.message ?? '') };
    },

    async getWebhookSecretStatus(uid, opts) {
      const res = await call(withSignal({ method: 'GET', path: clientPath(uid, '/webhook-secret/status') }, opts));
      const d = res.data as Record<string, unknown>;
      return { hasSecret: d.hasSecret === true, createdAt: typeof d.createdAt === 'string' ? d.createdAt : null };
    },

    async deleteWebhookSecret(uid, opts) {
      const res = await call(withSignal({ method: 'DELETE', path: clientPath(uid, '/webhook-secret'), idempotent: true }, opts));
      return { message: String((res.data as Record<string, unknown>)?.message ?? '') };
    },

    dispose() {
      auth.dispose();
    },
  };
  return provider;
}
