import { randomBytes, randomUUID } from 'node:crypto';
import { createFaultSwitch } from '../common/faults';
import type { SandboxFaultSwitch } from '../common/faults';
import { sameSecret, startSandboxServer } from '../common/server';
import type { SandboxAnswer, SandboxBaseOptions, SandboxCall, SandboxRecordedRequest } from '../common/server';
import { createState, seedClients } from './state';
import type { SandboxState } from './state';
import { route } from './routes';
import type { SandboxReply, SandboxRequest } from './routes';
import { createTokenIssuer, signWebhookBody } from './tokens';

export type { SandboxState } from './state';
export { seedKeyFor } from './tokens';
export { SEED_SHARES } from './state';
export type { SandboxFaults } from '../common/faults';

export interface RecordedRequest extends SandboxRecordedRequest<'apiKey' | 'bearer' | 'none'> {
  hasEncryptionKey: boolean;
}

export interface FactPulseSandboxOptions extends SandboxBaseOptions {
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
  faults: SandboxFaultSwitch;
  requests: RecordedRequest[];
  issueToken(opts?: { clientUid?: string | null; type?: 'access' | 'refresh'; ttlSeconds?: number }): string;
  signWebhook(secret: string, rawBody: string | Buffer): string;
  close(): Promise<void>;
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
  const faults = createFaultSwitch();

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

  function handle(call: SandboxCall): SandboxAnswer {
    const sreq: SandboxRequest = { method: call.method, path: call.path, query: call.query, headers: call.headers, body: null, caller: null };
    try {
      sreq.body = call.raw ? JSON.parse(call.raw) : null;
      return tokenRoutes(sreq) ?? authorizeAndRoute(sreq);
    } catch {
      return { status: 400, body: { detail: 'JSON invalide.' } };
    }
  }

  function record({ method, path, headers }: SandboxCall, status: number): void {
    requests.push({
      method,
      path,
      status,
      auth: headers['x-api-key'] ? 'apiKey' : headers.authorization ? 'bearer' : 'none',
      hasEncryptionKey: Boolean(headers['x-encryption-key']),
      at: Date.now(),
    });
  }

  function authorizeAndRoute(req: SandboxRequest): SandboxReply {
    const who = authenticate(req);
    if (who === 'none') return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
    if (who === 'bad') return { status: 401, body: { detail: 'Invalid credentials or expired token.' } };
    return route(state, { ...req, caller: who });
  }

  const server = await startSandboxServer({
    host: opts.host,
    port: opts.port,
    faults,
    handle,
    record,
    errorBody: (_status, message) => ({ detail: message }),
  });

  return {
    url: server.url,
    port: server.port,
    credentials,
    state,
    faults,
    requests,
    issueToken,
    signWebhook: signWebhookBody,
    close: server.close,
  };
}
