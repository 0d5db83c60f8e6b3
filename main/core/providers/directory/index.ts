// The Open Finance directory (providers.md §4): one documented operation, POST /clients, "rebuild the
// registered clients data", answered 201 with no content; over mutual TLS, with FAPI headers on every request.
import { randomUUID } from 'node:crypto';
import type { Capability } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { RebuildFilters } from '../../../../shared/schemas/directory';
import { directoryDescriptor } from '../../../../shared/providers/directory';
import { createHttpClient, retryAfterMs } from '../../http';
import type { HttpClient, HttpResponse } from '../../http';
import type { MtlsTransport } from '../../tls/mtls-dispatcher';
import { staticAuthHeaders } from '../common/static-auth';
import type { SecretReader, StoredAuth } from '../common/static-auth';
import { openClientTls } from './client-tls';
import { directoryError, mismatchError } from './errors';
import { echoMismatch, fapiHeaders } from './fapi';
import type { DirectoryExchange, DirectoryProvider, DirectoryRuntime, RebuildOptions, RebuildResult } from './runtime';

export type { DirectoryProvider, DirectoryRuntime } from './runtime';
export { isDirectoryProvider } from './runtime';

export interface DirectoryOptions {
  connectionId: string;
  baseUrl: string;
  auth: StoredAuth;
  settings: Record<string, unknown>;
  secrets: SecretReader;
  runtime: DirectoryRuntime;
  timeoutMs?: number;
  handshakeTimeoutMs?: number;
  /** Attempts of one rebuild when the directory answers 429, 502 or 504 (default 4). */
  maxAttempts?: number;
  /** First backoff when no Retry-After is sent; doubles each time (default 1 s). */
  backoffBaseMs?: number;
  /** Longest wait honoured from a Retry-After (default 60 s). */
  retryAfterCapMs?: number;
}

/** Throttled or upstream trouble: the rebuild is safe to repeat, so even this POST is sent again. */
const RETRYABLE = new Set([429, 502, 504]);
/** A name no client has: the probe rebuilds nothing (see testConnection). */
const PROBE_FILTERS = { page: 0, size: 1, name: 'clientdesk-connection-test-00000000-0000-4000-8000-000000000000' };

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function queryOf(filters: RebuildFilters): Record<string, string | number | undefined> {
  const { page, size, startDate, endDate, role, status, name } = filters;
  return { page, size, startDate, endDate, role, status, name };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new AppError('CANCELLED', 'The rebuild was cancelled while waiting to try again; nothing more was sent.');
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createDirectoryProvider(options: DirectoryOptions): DirectoryProvider {
  const { connectionId, runtime } = options;
  const maxAttempts = options.maxAttempts ?? 4;
  const backoffBaseMs = options.backoffBaseMs ?? 1000;
  const retryAfterCapMs = options.retryAfterCapMs ?? 60_000;
  const log = runtime.log ?? (() => {});
  let tls: { transport: MtlsTransport; key: string } | null = null;
  let opening: Promise<MtlsTransport> | null = null;

  /** The agent for the certificate stored now; a new import gives a new agent (the old one is closed). */
  async function transport(): Promise<MtlsTransport> {
    const credentials = runtime.credentials(connectionId);
    const key = `${credentials.certificatePem ?? ''}\n${credentials.caPem ?? ''}`;
    if (tls?.key === key) return tls.transport;
    opening ??= openClientTls(credentials, options.secrets, options.handshakeTimeoutMs).finally(() => (opening = null));
    const opened = await opening;
    if (tls && tls.transport !== opened) void tls.transport.close();
    tls = { transport: opened, key };
    return opened;
  }

  const http: HttpClient = createHttpClient({
    baseUrl: options.baseUrl,
    authorize: staticAuthHeaders(options.auth, options.secrets),
    // The agent is ready before every request (send() awaits it), so this never waits.
    fetch: ((input: string | URL, init?: RequestInit) => tls!.transport.fetch(input, init)) as typeof fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: 0,
    concurrency: 2,
    log,
  });

  function report(exchange: Omit<DirectoryExchange, 'connectionId'>): void {
    try {
      runtime.onExchange?.({ connectionId, ...exchange });
    } catch (err) {
      log(`directory exchange not recorded: ${String(err)}`);
    }
  }

  /** One POST /clients with its own interaction id; a mismatched echo is logged and thrown. */
  async function send(operation: DirectoryExchange['operation'], filters: RebuildFilters, attempt: number, signal?: AbortSignal) {
    await transport();
    const interactionId = randomUUID();
    const headers = fapiHeaders(
      {
        authenticatedAt: runtime.credentials(connectionId).authenticatedAt,
        customerIpAddress: text(options.settings.customerIpAddress),
        customerUserAgent: text(options.settings.customerUserAgent),
      },
      interactionId,
    );
    let res: HttpResponse;
    try {
      res = await http.request({ method: 'POST', path: '/clients', query: queryOf(filters), headers, idempotent: false, ...(signal ? { signal } : {}) });
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      report({ operation, interactionId, status: null, receivedInteractionId: null, attempt, errorCode: code });
      if (err instanceof AppError) throw new AppError(err.code, err.message, { ...err.details, interactionId, attempts: attempt });
      throw err;
    }
    const mismatch = echoMismatch(interactionId, res.headers);
    if (mismatch) log(`directory ${connectionId}: interaction id mismatch on HTTP ${res.status}: sent ${interactionId}, received ${mismatch.received}`);
    const error = res.status === 201 ? (mismatch ? mismatchError(res.status, interactionId, mismatch.received, attempt) : null) : directoryError(res, interactionId, attempt);
    if (error && mismatch && res.status !== 201) Object.assign(error.details ?? {}, { receivedInteractionId: mismatch.received });
    report({ operation, interactionId, status: res.status, receivedInteractionId: mismatch?.received ?? null, attempt, errorCode: error?.code ?? null });
    return { res, interactionId, error };
  }

  async function rebuild(filters: RebuildFilters, opts: RebuildOptions = {}): Promise<RebuildResult> {
    for (let attempt = 1; ; attempt++) {
      opts.onProgress?.({ state: 'sending', attempt, maxAttempts, status: null, waitMs: 0, retryAt: null, interactionId: null });
      const { res, interactionId, error } = await send('rebuild', filters, attempt, opts.signal);
      if (!error) return { interactionId, attempts: attempt, status: 201 };
      if (!RETRYABLE.has(res.status) || attempt >= maxAttempts) throw error;
      const backoff = backoffBaseMs * 2 ** (attempt - 1);
      const waitMs = retryAfterMs(res.headers.get('retry-after'), retryAfterCapMs) ?? Math.round(backoff / 2 + Math.random() * (backoff / 2));
      opts.onProgress?.({ state: 'waiting', attempt, maxAttempts, status: res.status, waitMs, retryAt: new Date(Date.now() + waitMs).toISOString(), interactionId });
      log(`directory ${connectionId}: rebuild got HTTP ${res.status} (interaction ${interactionId}); attempt ${attempt + 1} of ${maxAttempts} in ${waitMs} ms`);
      await sleep(waitMs, opts.signal);
    }
  }

  return {
    id: 'directory',
    capabilities: new Set<Capability>(directoryDescriptor.capabilities),

    async testConnection(opts) {
      // The cheapest call that proves TLS, the token and our FAPI headers together: the one documented operation,
      // filtered on a name no client has. A rebuild is safe to repeat and this one selects nothing to rebuild.
      const { error } = await send('test', PROBE_FILTERS, 1, opts?.signal);
      if (error) throw error;
      return { total: null };
    },

    /** The directory lists nothing: the rebuild is its one operation. */
    async listClients(page, pageSize) {
      return { records: [], total: 0, page, pageSize };
    },

    rebuild,

    dispose() {
      void tls?.transport.close();
      tls = null;
    },
  };
}
