import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createState, seedClients } from './state';
import type { SandboxState } from './state';
import { route } from './routes';
import type { SandboxReply, SandboxRequest } from './routes';
import { createTokenIssuer, signWebhookBody } from './tokens';

export type { SandboxState } from './state';
export { seedKeyFor } from './tokens';
export { SEED_SHARES } from './state';

/** Faults the tests and the demo's "simulate outage" inject. */
export interface SandboxFaults {
  latencyMs?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  retryAfterSeconds?: number;
  /** Destroy the socket without answering. */
  reset?: boolean;
  /** Send a cut-off JSON body. */
  truncate?: boolean;
  /** Handle the request (state changes) and then drop the connection: the caller never learns the outcome. */
  dropAfterApply?: boolean;
  /** Only requests whose "METHOD path" matches. */
  pathPattern?: RegExp;
  /** How many matching requests the fault applies to (default: until cleared). */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  /** Which credential was used, never its value. */
  auth: 'apiKey' | 'bearer' | 'none';
  hasEncryptionKey: boolean;
  at: number;
}

export interface FactPulseSandboxOptions {
  host?: string;
  port?: number;
  clients?: number;
  seed?: number;
  apiKey?: string;
  username?: string;
  password?: string;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  state?: SandboxState;
}

export interface FactPulseSandbox {
  url: string;
  port: number;
  credentials: { apiKey: string; username: string; password: string };
  state: SandboxState;
  faults: { set(f: SandboxFaults): void; clear(): void; readonly current: SandboxFaults | null };
  requests: RecordedRequest[];
  issueToken(opts?: { clientUid?: string | null; type?: 'access' | 'refresh'; ttlSeconds?: number }): string;
  signWebhook(secret: string, rawBody: string | Buffer): string;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A local server speaking FactPulse's client-management wire format (providers.md §1). */
export async function startFactPulseSandbox(opts: FactPulseSandboxOptions = {}): Promise<FactPulseSandbox> {
  const state = opts.state ?? createState();
  if (!opts.state) seedClients(state, opts.clients ?? 25, opts.seed ?? 42);
  const credentials = {
    apiKey: opts.apiKey ?? `fp_sandbox_${randomBytes(18).toString('base64url')}`,
    username: opts.username ?? 'admin@demo.factpulse.test',
    password: opts.password ?? `pw-${randomBytes(9).toString('base64url')}`,
  };
  const ttl = { access: opts.accessTtlSeconds ?? 1800, refresh: opts.refreshTtlSeconds ?? 7 * 86400 };
  const tokens = createTokenIssuer();
  const requests: RecordedRequest[] = [];
  let faults: SandboxFaults | null = null;
  const sockets = new Set<Socket>();

  function issueToken(o: { clientUid?: string | null; type?: 'access' | 'refresh'; ttlSeconds?: number } = {}): string {
    const type = o.type ?? 'access';
    return tokens.sign({
      sub: credentials.username,
      type,
      client_uid: o.clientUid ?? null,
      exp: Math.floor(Date.now() / 1000) + (o.ttlSeconds ?? ttl[type]),
      jti: randomUUID(),
    });
  }

  function matchingFault(method: string, path: string): SandboxFaults | null {
    if (!faults) return null;
    if (faults.pathPattern && !faults.pathPattern.test(`${method} ${path}`)) return null;
    if (faults.times !== undefined) {
      if (faults.times <= 0) return null;
      faults.times--;
    }
    return faults;
  }

  function authenticate(req: SandboxRequest): { scope: string | null } | 'none' | 'bad' {
    const apiKey = req.headers['x-api-key'];
    if (apiKey !== undefined) return sameSecret(apiKey, credentials.apiKey) ? { scope: null } : 'bad';
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const claims = tokens.verify(bearer, 'access');
      return claims ? { scope: claims.client_uid } : 'bad';
    }
    return 'none';
  }

  function tokenRoutes(req: SandboxRequest): SandboxReply | null {
    if (req.method !== 'POST') return null;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (req.path === '/api/token/') {
      if (body.username !== credentials.username || typeof body.password !== 'string' || !sameSecret(body.password, credentials.password)) {
        return { status: 401, body: { detail: 'No active account found with the given credentials' } };
      }
      const clientUid = typeof body.client_uid === 'string' ? body.client_uid : null;
      return { status: 200, body: { access: issueToken({ clientUid }), refresh: issueToken({ clientUid, type: 'refresh' }) } };
    }
    if (req.path === '/api/token/refresh/') {
      const claims = typeof body.refresh === 'string' ? tokens.verify(body.refresh, 'refresh') : null;
      if (!claims) return { status: 401, body: { detail: 'Token is invalid or expired', code: 'token_not_valid' } };
      return { status: 200, body: { access: issueToken({ clientUid: claims.client_uid }) } };
    }
    return null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const fault = matchingFault(method, url.pathname);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    const sreq: SandboxRequest = { method, path: url.pathname, query: url.searchParams, headers, body: null, caller: null };
    const record = (status: number) =>
      requests.push({
        method,
        path: url.pathname,
        status,
        auth: headers['x-api-key'] ? 'apiKey' : headers.authorization ? 'bearer' : 'none',
        hasEncryptionKey: Boolean(headers['x-encryption-key']),
        at: Date.now(),
      });
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.reset) {
      record(0);
      req.socket.destroy();
      return;
    }
    if (fault?.status) {
      record(fault.status);
      const extra: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      send(res, { status: fault.status, body: { detail: `Simulated failure (${fault.status}).` }, headers: extra });
      return;
    }
    let answer: SandboxReply;
    try {
      sreq.body = raw ? JSON.parse(raw) : null;
      answer = tokenRoutes(sreq) ?? authorizeAndRoute(sreq);
    } catch {
      answer = { status: 400, body: { detail: 'JSON invalide.' } };
    }
    record(answer.status);
    if (fault?.dropAfterApply) {
      req.socket.destroy();
      return;
    }
    if (fault?.truncate) {
      const text = JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return;
    }
    send(res, answer);
  }

  function authorizeAndRoute(req: SandboxRequest): SandboxReply {
    const who = authenticate(req);
    if (who === 'none') return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
    if (who === 'bad') return { status: 401, body: { detail: 'Invalid credentials or expired token.' } };
    return route(state, { ...req, caller: who });
  }

  function send(res: ServerResponse, answer: SandboxReply): void {
    res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, body: { detail: 'Internal error.' } });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials,
    state,
    faults: {
      set: (f) => {
        faults = { ...f };
      },
      clear: () => {
        faults = null;
      },
      get current() {
        return faults;
      },
    },
    requests,
    issueToken,
    signWebhook: signWebhookBody,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
