import type { Capability, ClientRecord } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { tokenizationDescriptor } from '../../../../shared/providers/tokenization';
import { createHttpClient } from '../../http';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http';
import { staticAuthHeaders } from '../common/static-auth';
import type { SecretReader, StoredAuth } from '../common/static-auth';
import type { CallOptions, Provider } from '../types';
import { errorFromResponse, partnerNotFound } from './errors';
import { toClientRecord, toWireClient } from './mappers';
import { slicesFor } from './partner-pages';
import type { PartnerSpan } from './partner-pages';

export interface TokenizationOptions {
  connectionId: string;
  baseUrl: string;
  auth: StoredAuth;
  partners: readonly string[];
  secrets: SecretReader;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
}

const CLIENTS = '/api/v1/clients';
const clientPath = (id: string) => `${CLIENTS}/${encodeURIComponent(id)}`;

export function createTokenizationProvider(options: TokenizationOptions): Provider {
  const http: HttpClient = createHttpClient({
    baseUrl: options.baseUrl,
    authorize: staticAuthHeaders({ ...options.auth, method: 'basic' }, options.secrets),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 250,
    concurrency: 6,
  });
  let spans: PartnerSpan[] | null = null;

  async function call(req: HttpRequest, opts?: CallOptions): Promise<HttpResponse> {
    const res = await http.request(opts?.signal ? { ...req, signal: opts.signal } : req);
    if (res.status !== 200 && res.status !== 201) throw errorFromResponse(res);
    return res;
  }

  async function listSlice(partner: string, skip: number, take: number, opts?: CallOptions) {
    const res = await call({ method: 'GET', path: CLIENTS, query: { partner, take, skip } }, opts).catch((err: unknown) => {
      throw partnerNotFound(err, partner);
    });
    const d = res.data as { total?: unknown; data?: unknown } | null;
    if (!d || !Array.isArray(d.data)) throw new AppError('BAD_RESPONSE', 'The tokenization platform sent a client list without data.');
    return { total: typeof d.total === 'number' ? d.total : d.data.length, records: d.data.map((w) => toClientRecord(options.connectionId, w)) };
  }

  function partners(): string[] {
    if (options.partners.length === 0) {
      throw new AppError('VALIDATION', 'Add at least one partner to browse: the platform lists clients per partner.', {
        fields: [{ field: 'settings.partners', message: 'validation.required' }],
      });
    }
    return [...options.partners];
  }

  /** Re-reads the server's totals at the start of each walk; page 1 comes from the same answers. */
  async function firstPage(pageSize: number, opts?: CallOptions): Promise<{ records: ClientRecord[]; total: number }> {
    const firsts = await Promise.all(partners().map(async (partner) => ({ partner, ...(await listSlice(partner, 0, pageSize, opts)) })));
    spans = firsts.map(({ partner, total }) => ({ partner, total }));
    const records: ClientRecord[] = [];
    for (const first of firsts) {
      for (const record of first.records) if (records.length < pageSize) records.push(record);
      if (records.length >= pageSize || first.records.length < first.total) break;
    }
    return { records, total: spans.reduce((n, s) => n + s.total, 0) };
  }

  async function reload(id: string, opts?: CallOptions): Promise<ClientRecord> {
    const res = await call({ method: 'GET', path: clientPath(id) }, opts);
    return toClientRecord(options.connectionId, res.data);
  }

  function idOf(res: HttpResponse): string {
    const id = (res.data as { id?: unknown } | null)?.id;
    if (typeof id !== 'number' && typeof id !== 'string') throw new AppError('BAD_RESPONSE', 'The tokenization platform did not return the client id.');
    return String(id);
  }

  const provider: Provider = {
    id: 'tokenization',
    capabilities: new Set<Capability>(tokenizationDescriptor.capabilities),

    async testConnection(opts) {
      const totals = await Promise.all(partners().map((partner) => listSlice(partner, 0, 1, opts)));
      return { total: totals.reduce((n, t) => n + t.total, 0) };
    },

    async listClients(page, pageSize, opts) {
      if (page === 1 || !spans) {
        const first = await firstPage(pageSize, opts);
        if (page === 1) return { records: first.records, total: first.total, page, pageSize };
      }
      const slices = slicesFor(spans!, page, pageSize);
      const parts = await Promise.all(slices.map((s) => listSlice(s.partner, s.skip, s.take, opts)));
      return { records: parts.flatMap((p) => p.records), total: spans!.reduce((n, s) => n + s.total, 0), page, pageSize };
    },

    getClient: (id, opts) => reload(id, opts),

    async createClient(input, opts) {
      const body = toWireClient(input, { creating: true, isActive: true });
      const res = await call({ method: 'POST', path: CLIENTS, body, idempotent: false }, opts);
      return reload(idOf(res), opts);
    },

    async updateClient(id, input, opts) {
      await call({ method: 'PATCH', path: clientPath(id), body: toWireClient(input, { creating: false }), idempotent: true }, opts);
      return reload(id, opts);
    },

    async activateClient(id, opts) {
      await call({ method: 'PATCH', path: clientPath(id), body: { isActive: true }, idempotent: true }, opts);
      return { status: 'active', message: '' };
    },

    async deactivateClient(id, opts) {
      await call({ method: 'PATCH', path: clientPath(id), body: { isActive: false }, idempotent: true }, opts);
      return { status: 'inactive', message: '' };
    },

    async deleteClient(id, opts) {
      await call({ method: 'DELETE', path: clientPath(id), idempotent: false }, opts);
    },
  };
  return provider;
}
