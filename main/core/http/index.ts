import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { redact } from './redact';
import { createLimiter } from './limiter';
import type { Limiter } from './limiter';
import { cappedBody, declaredLength, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_STREAM_BYTES, readCappedText, tooLargeError } from './body';
import type { BodyReadControl } from './body';
import { isRedirect, redirectError } from './redirect';
import { mapTlsError } from '../tls/tls-errors';

export { validateBaseUrl } from './base-url';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_STREAM_BYTES, describeBytes } from './body';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Safe to send twice: retried on network errors and 429/502/503/504. Defaults to true for GET. */
  idempotent?: boolean;
  /** Adds the connection's credentials (default true). */
  auth?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest body read for this request (default: the client's maxBodyBytes, or maxStreamBytes for stream()). */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  data: unknown;
  requestId: string;
  attempts: number;
}

/** A 2xx answer's body as a byte stream (`for await` works); any other answer is read and parsed into data. */
export interface HttpStreamResponse {
  status: number;
  headers: Headers;
  /** Non-null for a 2xx answer; fails with TOO_LARGE past the limit, or with the mapped network error. */
  body: ReadableStream<Uint8Array> | null;
  /** The parsed body of a non-2xx answer (null for 2xx). */
  data: unknown;
  requestId: string;
  attempts: number;
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Returns the auth headers for one attempt. */
  authorize?: () => Promise<Record<string, string>>;
  timeoutMs?: number;
  maxRetries?: number;
  concurrency?: number;
  retryAfterCapMs?: number;
  backoffBaseMs?: number;
  /** Budget for one request including every retry and wait (default 60 s); no retry starts past it. */
  overallTimeoutMs?: number;
  /** Largest body request() reads (default 8 MiB); a larger one is refused with TOO_LARGE. */
  maxBodyBytes?: number;
  /** Largest body stream() lets through (default 512 MiB). */
  maxStreamBytes?: number;
  /** Called with redirect: 'manual' (redirects are never followed). */
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  /**
   * For an answer that is legitimately large (a whole list): the body is not buffered. The limiter slot is
   * released once the headers arrived; the request's timeout still covers the reading of the body.
   */
  stream(req: HttpRequest): Promise<HttpStreamResponse>;
  readonly limiter: Limiter;
}

/** One exchange up to its headers: the body is still to read, as text or as a stream (capped at `limit`). */
interface Attempt {
  status: number;
  headers: Headers;
  text(): Promise<string>;
  stream(): ReadableStream<Uint8Array>;
  discard(): Promise<void>;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 3;
  const retryAfterCapMs = options.retryAfterCapMs ?? 30_000;
  const backoffBaseMs = options.backoffBaseMs ?? 250;
  const overallTimeoutMs = options.overallTimeoutMs ?? 60_000;
  const limiter = createLimiter(options.concurrency ?? 4);
  const log = options.log ?? (() => {});
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxStreamBytes = options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES;

  let base: URL | null = null;

  function urlFor(req: HttpRequest): string {
    base ??= new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    const url = new URL(req.path.replace(/^\//, ''), base);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** One exchange up to the response headers; the body is left to read, capped at limitFor(status). */
  async function attempt(req: HttpRequest, requestId: string, limitFor: (status: number) => number): Promise<Attempt> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': requestId, ...(req.headers ?? {}) };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.auth !== false && options.authorize) Object.assign(headers, await options.authorize());
    const deadline = startDeadline(req.signal, req.timeoutMs ?? timeoutMs);
    const url = urlFor(req);
    let res: Response;
    try {
      res = await doFetch(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? null : JSON.stringify(req.body),
        signal: deadline.signal,
        redirect: 'manual',
      });
    } catch (err) {
      deadline.settled();
      throw mapFetchError(err, req.signal, deadline);
    }
    const limit = limitFor(res.status);
    const declared = declaredLength(res.headers);
    if (isRedirect(res) || (declared !== undefined && declared > limit)) {
      deadline.stop();
      deadline.settled();
      res.body?.cancel().catch(() => {});
      throw isRedirect(res) ? redirectError(res, url) : tooLargeError(limit, res.status, declared);
    }
    const control: BodyReadControl = { mapError: (err) => mapFetchError(err, req.signal, deadline), stop: deadline.stop, settled: deadline.settled };
    return {
      status: res.status,
      headers: res.headers,
      text: () => readCappedText(res.body, limit, res.status, control),
      stream: () => cappedBody(res.body, limit, res.status, control),
      discard: async () => {
        deadline.stop();
        deadline.settled();
        await res.body?.cancel().catch(() => {});
      },
    };
  }

  /** Runs attempts (retrying as the request allows) until `finish` turns one into a result. */
  function perform<T>(req: HttpRequest, limitFor: (status: number) => number, finish: (a: Attempt, requestId: string, attempts: number) => Promise<T>): Promise<T> {
    const requestId = randomUUID();
    const idempotent = req.idempotent ?? req.method === 'GET';
    const deadline = Date.now() + overallTimeoutMs;
    // A retry starts only when it (its wait plus one full attempt) still fits in the overall budget.
    const fits = (wait: number) => Date.now() + wait + (req.timeoutMs ?? timeoutMs) <= deadline;
    return limiter.run(async () => {
      for (let attempts = 1; ; attempts++) {
        let outcome: Attempt;
        try {
          outcome = await attempt(req, requestId, limitFor);
          // Non-idempotent calls are never sent twice, not even after a 429: the caller decides (e.g. key rotation).
          if (RETRYABLE_STATUS.has(outcome.status) && idempotent && attempts <= maxRetries) {
            const wait = retryAfterMs(outcome.headers.get('retry-after'), retryAfterCapMs) ?? backoff(attempts, backoffBaseMs);
            if (fits(wait)) {
              await outcome.discard();
              log(redact(`${req.method} ${req.path} got ${outcome.status}; retrying in ${wait} ms`));
              await sleep(wait, req.signal);
              continue;
            }
          }
          return await finish(outcome, requestId, attempts);
        } catch (err) {
          const wait = backoff(attempts, backoffBaseMs);
          const retry = idempotent && attempts <= maxRetries && err instanceof AppError && ['NETWORK', 'TIMEOUT', 'OFFLINE'].includes(err.code) && fits(wait);
          if (!retry) throw withRequestId(err, requestId);
          log(redact(`${req.method} ${req.path} attempt ${attempts} failed (${err.code}); retrying in ${wait} ms`));
          await sleep(wait, req.signal);
        }
      }
    });
  }

  const buffered = async ({ status, headers, text }: Attempt, requestId: string, attempts: number): Promise<HttpResponse> => ({
    status,
    headers,
    data: parseBody(await text(), status, requestId),
    requestId,
    attempts,
  });

  function request(req: HttpRequest): Promise<HttpResponse> {
    const limit = req.maxBodyBytes ?? maxBodyBytes;
    return perform(req, () => limit, buffered);
  }

  function stream(req: HttpRequest): Promise<HttpStreamResponse> {
    const ok = (status: number) => status >= 200 && status < 300;
    const limitFor = (status: number) => (ok(status) ? (req.maxBodyBytes ?? maxStreamBytes) : maxBodyBytes);
    return perform(req, limitFor, async (a, requestId, attempts) => {
      if (ok(a.status)) return { status: a.status, headers: a.headers, body: a.stream(), data: null, requestId, attempts };
      const { data } = await buffered(a, requestId, attempts);
      return { status: a.status, headers: a.headers, body: null, data, requestId, attempts };
    });
  }

  return { request, stream, limiter };
}

function parseBody(text: string, status: number, requestId: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    if (status >= 500 || status === 404 || status === 429) return { detail: text.slice(0, 200) };
    throw new AppError('BAD_RESPONSE', `The server sent a response that is not valid JSON (HTTP ${status}; ${text.length} bytes, possibly cut off).`, {
      status,
      requestId,
    });
  }
}

interface Deadline {
  /** Aborted by the caller's signal, by the timeout, or by `stop`. */
  signal: AbortSignal;
  readonly timedOut: boolean;
  /** Closes the connection (e.g. past the body limit). */
  stop(): void;
  /** The exchange is over (body read, refused or failed): the timer and the caller's listener go. */
  settled(): void;
}

/**
 * One controller for an attempt, aborted by the caller's signal or once `ms` passed (the body's reading
 * included), with one timer cleared when the exchange is over: cheaper per request than combining
 * AbortSignal.timeout and AbortSignal.any, whose timers outlive every page of a sync.
 */
function startDeadline(user: AbortSignal | undefined, ms: number): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
  }, ms);
  timer.unref();
  const onUserAbort = () => controller.abort(user?.reason);
  if (user?.aborted) onUserAbort();
  else user?.addEventListener('abort', onUserAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    stop: () => controller.abort(),
    settled: () => {
      clearTimeout(timer);
      user?.removeEventListener('abort', onUserAbort);
    },
  };
}

function mapFetchError(err: unknown, userSignal: AbortSignal | undefined, deadline: Deadline): AppError {
  if (userSignal?.aborted) return new AppError('CANCELLED', 'The request was cancelled.');
  if (deadline.timedOut) return new AppError('TIMEOUT', 'The server did not answer in time.');
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)) {
    return new AppError('OFFLINE', `The server cannot be reached (${code}).`);
  }
  // Mutual TLS failures get their own codes (our certificate refused, theirs untrusted, handshake timeout).
  const tls = mapTlsError(err);
  if (tls) return tls;
  if (/CERT|SSL|TLS/i.test(code) || /certificate/i.test(cause?.message ?? '')) {
    return new AppError('TLS', `The server's TLS certificate was refused (${code || 'certificate error'}).`);
  }
  return new AppError('NETWORK', redact(`The connection failed${code ? ` (${code})` : ''}: ${cause?.message ?? (err as Error)?.message ?? 'unknown error'}`));
}

function withRequestId(err: unknown, requestId: string): unknown {
  if (err instanceof AppError && !err.details?.requestId) {
    return new AppError(err.code, err.message, { ...err.details, requestId });
  }
  return err;
}

export function retryAfterMs(header: string | null, capMs: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, capMs);
  const date = Date.parse(header);
  if (Number.isFinite(date)) return Math.min(Math.max(0, date - Date.now()), capMs);
  return null;
}

function backoff(attempt: number, baseMs: number): number {
  const exp = baseMs * 2 ** (attempt - 1);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AppError('CANCELLED', 'The request was cancelled.'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new AppError('CANCELLED', 'The request was cancelled.'));
    }, { once: true });
  });
}
