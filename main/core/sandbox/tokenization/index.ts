// The tokenization platform sandbox (seed 003). Choices where the seed is silent:
// - Partner tree: the root (id 792) and sub-partners; `partner` in answers is always the root, `directPartner` the
//   client's own. ?partner= (id or name, case-insensitive) lists the clients of that partner's whole subtree, by
//   directPartner; the root lists them all. Clients are listed by ascending id.
// - take defaults to 10, skip to 0; a take above maxTake (100) is silently lowered, so page by what came back.
// - Errors are {uuid, errorCode, message} with errorCode = 7000 + HTTP status: 400 (7400) bad query/body,
//   401 (7401) missing or wrong Basic credentials, 404 (7404) unknown client or partner, 409 (7409) duplicate name
//   (names are unique case-insensitively). One 400 names every bad field in its message.
// - PATCH bumps version by one and moves modified forward even when nothing changed. DELETE really deletes:
//   200 with an empty body, then 404 7404 (the seed also says clients are only deactivated: PATCH isActive:false).
import { randomBytes } from 'node:crypto';
import { createFaultSwitch } from '../common/faults';
import type { SandboxFaultSwitch } from '../common/faults';
import { sameSecret, startSandboxServer } from '../common/server';
import type { SandboxAnswer, SandboxBaseOptions, SandboxCall, SandboxRecordedRequest } from '../common/server';
import { createTokenizationState, seedTokenizationClients } from './state';
import type { SubPartnerSpec, TokenizationState } from './state';
import { routeTokenization, tokenizationError } from './routes';
import type { TokenizationRouteOptions } from './routes';

export type { SubPartnerSpec, TokenizationClient, TokenizationPartner, TokenizationState } from './state';
export type { SandboxFaults } from '../common/faults';

export type TokenizationRecordedRequest = SandboxRecordedRequest<'basic' | 'bearer' | 'other' | 'none'>;

export interface TokenizationSandboxOptions extends SandboxBaseOptions {
  username?: string;
  password?: string;
  /** Name of the root partner (default "Partenaire Démo"). */
  partner?: string;
  /** The sub-partners under the root (default: "<root> Est", "<root> Ouest" and "<root> Est Alsace" under Est). */
  subPartners?: SubPartnerSpec[];
  /** Largest `take` honoured (default 100). */
  maxTake?: number;
  /** Reuse a state (e.g. to bring a stopped sandbox back with its clients). */
  state?: TokenizationState;
}

export interface TokenizationSandbox {
  url: string;
  port: number;
  credentials: { username: string; password: string };
  state: TokenizationState;
  /** The root partner, as the list's `partner` parameter accepts it. */
  rootPartner: { id: number; name: string };
  options: TokenizationRouteOptions;
  faults: SandboxFaultSwitch;
  requests: TokenizationRecordedRequest[];
  close(): Promise<void>;
}

function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function authKind(header: string | undefined): TokenizationRecordedRequest['auth'] {
  if (!header) return 'none';
  if (/^Basic /i.test(header)) return 'basic';
  return /^Bearer /i.test(header) ? 'bearer' : 'other';
}

/** A local server speaking the tokenization platform's client API (seed 003, providers.md §3). */
export async function startTokenizationSandbox(opts: TokenizationSandboxOptions = {}): Promise<TokenizationSandbox> {
  const state = opts.state ?? createTokenizationState(opts.partner ?? 'Partenaire Démo', opts.subPartners);
  if (!opts.state) seedTokenizationClients(state, opts.clients ?? 25, opts.seed ?? 42);
  const credentials = {
    username: opts.username ?? 'admin@demo.tokenization.test',
    password: opts.password ?? `pw-${randomBytes(9).toString('base64url')}`,
  };
  const options: TokenizationRouteOptions = { maxTake: opts.maxTake ?? 100 };
  const faults = createFaultSwitch();
  const requests: TokenizationRecordedRequest[] = [];

  function handle(call: SandboxCall): SandboxAnswer {
    const given = basicCredentials(call.headers.authorization);
    if (!given || !sameSecret(given.username, credentials.username) || !sameSecret(given.password, credentials.password)) {
      const answer = tokenizationError(401, given ? 'Invalid username or password.' : 'Authentication required (HTTP Basic).');
      return { ...answer, headers: { 'www-authenticate': 'Basic realm="api"' } };
    }
    let body: unknown = null;
    try {
      body = call.raw.trim() === '' ? null : JSON.parse(call.raw);
    } catch {
      return tokenizationError(400, 'The request body is not valid JSON.');
    }
    return routeTokenization(state, options, call.method, call.path, call.query, body);
  }

  const server = await startSandboxServer({
    host: opts.host,
    port: opts.port,
    faults,
    handle,
    record: ({ method, path, headers }, status) => requests.push({ method, path, status, auth: authKind(headers.authorization), at: Date.now() }),
    errorBody: (status, message) => tokenizationError(status, message).body,
  });
  const root = state.partners.get(state.rootId);

  return {
    url: server.url,
    port: server.port,
    credentials,
    state,
    rootPartner: { id: state.rootId, name: root?.name ?? '' },
    options,
    faults,
    requests,
    close: server.close,
  };
}
