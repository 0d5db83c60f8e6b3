// The sites registry sandbox (seed 002). Choices where the seed is silent or contradicts itself:
// - DELETE /clients/{id} answers 200 `true` and *deactivates* (the operation is named "Deactivate Client" and clients
//   carry a `status`): the client stays in /clients/all with status "inactive"; deleteMode 'remove' makes it vanish
//   (then 404). A second DELETE answers `true` again.
// - `sites` in list/register/update answers is a count (schema) by default; sitesAs 'array' gives the sites
//   ({site_id, nom, equipements}, as in /infos), 'mixed' alternates per client. `equipements` is always a count.
// - Validation follows Pydantic v2 (422 items with type/loc/msg/input); `nom` must hold a non-blank character,
//   `code` is an integer (a string of digits is accepted, as in Pydantic's lax mode); codes are not unique-checked.
// - No auth unless `token` (Authorization: Bearer) and/or `apiKey` (in `apiKeyHeader`) is set; then 401 without it.
// - GET /clients/all is written out in chunks of 500 items, never as one JSON.stringify of the whole list.
import { createFaultSwitch } from '../common/faults';
import type { SandboxFaultSwitch } from '../common/faults';
import { sameSecret, startSandboxServer } from '../common/server';
import type { SandboxAnswer, SandboxBaseOptions, SandboxCall, SandboxRecordedRequest } from '../common/server';
import { createSitesState, seedSitesClients } from './state';
import type { SitesShape, SitesState } from './state';
import { routeSites } from './routes';
import type { SitesRouteOptions } from './routes';

export type { SitesClient, SitesShape, SitesSite, SitesState } from './state';
export type { SandboxFaults } from '../common/faults';

export type SitesRecordedRequest = SandboxRecordedRequest<'bearer' | 'apiKey' | 'none'>;

export interface SitesSandboxOptions extends SandboxBaseOptions {
  /** When set, every call needs `Authorization: Bearer <token>`. */
  token?: string;
  /** When set, every call needs this API key in `apiKeyHeader` (either credential is enough when both are set). */
  apiKey?: string;
  apiKeyHeader?: string;
  sitesAs?: SitesShape;
  deleteMode?: SitesRouteOptions['deleteMode'];
  /** Reuse a state (e.g. to bring a stopped sandbox back with its clients). */
  state?: SitesState;
}

export interface SitesSandbox {
  url: string;
  port: number;
  /** null when the sandbox asks for no credentials. */
  credentials: { token: string | null; apiKey: string | null; apiKeyHeader: string };
  state: SitesState;
  /** Live: tests may switch the shape of `sites` or the delete behaviour between calls. */
  options: SitesRouteOptions;
  faults: SandboxFaultSwitch;
  requests: SitesRecordedRequest[];
  close(): Promise<void>;
}

/** A local server speaking the sites registry's wire format (seed 002, providers.md §2). */
export async function startSitesSandbox(opts: SitesSandboxOptions = {}): Promise<SitesSandbox> {
  const state = opts.state ?? createSitesState();
  if (!opts.state) seedSitesClients(state, opts.clients ?? 25, opts.seed ?? 42);
  const apiKeyHeader = (opts.apiKeyHeader ?? 'X-API-Key').toLowerCase();
  const credentials = { token: opts.token ?? null, apiKey: opts.apiKey ?? null, apiKeyHeader: opts.apiKeyHeader ?? 'X-API-Key' };
  const options: SitesRouteOptions = { sitesAs: opts.sitesAs ?? 'count', deleteMode: opts.deleteMode ?? 'deactivate' };
  const faults = createFaultSwitch();
  const requests: SitesRecordedRequest[] = [];

  /** FastAPI's HTTPBearer / APIKeyHeader answers. */
  function refusal(headers: SandboxCall['headers']): SandboxAnswer | null {
    if (credentials.token === null && credentials.apiKey === null) return null;
    const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
    const key = headers[apiKeyHeader];
    if (credentials.token !== null && bearer !== undefined && sameSecret(bearer, credentials.token)) return null;
    if (credentials.apiKey !== null && key !== undefined && sameSecret(key, credentials.apiKey)) return null;
    const challenge = { 'www-authenticate': credentials.token !== null ? 'Bearer' : 'APIKey' };
    const sent = bearer !== undefined || key !== undefined;
    return { status: 401, body: { detail: sent ? 'Invalid authentication credentials' : 'Not authenticated' }, headers: challenge };
  }

  const server = await startSandboxServer({
    host: opts.host,
    port: opts.port,
    faults,
    handle: (call) => refusal(call.headers) ?? routeSites(state, options, call.method, call.path, call.raw),
    record: ({ method, path, headers }, status) =>
      requests.push({
        method,
        path,
        status,
        auth: /^Bearer /i.test(headers.authorization ?? '') ? 'bearer' : headers[apiKeyHeader] !== undefined ? 'apiKey' : 'none',
        at: Date.now(),
      }),
    errorBody: (_status, message) => ({ detail: message }),
  });

  return { url: server.url, port: server.port, credentials, state, options, faults, requests, close: server.close };
}
