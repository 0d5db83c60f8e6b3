import type { SandboxAnswer } from '../common/server';
import type { SitesShape, SitesState } from './state';
import { newSitesClient, sitesInfos, sitesSummary } from './state';
import { checkRegister, checkUpdate, parseBody } from './validation';
import type { ValidationIssue } from './validation';

export interface SitesRouteOptions {
  sitesAs: SitesShape;
  /** 'deactivate' (default): DELETE marks the client inactive and it stays listed; 'remove': it is gone (then 404). */
  deleteMode: 'deactivate' | 'remove';
}

/** How many list items go into one written chunk of GET /clients/all. */
const LIST_CHUNK = 500;

const detail = (status: number, message: string): SandboxAnswer => ({ status, body: { detail: message } });
const unprocessable = (issues: ValidationIssue[]): SandboxAnswer => ({ status: 422, body: { detail: issues } });
const notFound = () => detail(404, 'Client introuvable');

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function* listChunks(state: SitesState, shape: SitesShape): Generator<string> {
  yield '[';
  let batch: string[] = [];
  let first = true;
  for (const client of state.clients.values()) {
    batch.push(JSON.stringify(sitesSummary(client, shape)));
    if (batch.length === LIST_CHUNK) {
      yield (first ? '' : ',') + batch.join(',');
      first = false;
      batch = [];
    }
  }
  if (batch.length) yield (first ? '' : ',') + batch.join(',');
  yield ']';
}

/** The seed's five operations (providers.md §2). */
export function routeSites(state: SitesState, opts: SitesRouteOptions, method: string, path: string, raw: string): SandboxAnswer {
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] !== 'clients' || parts.length < 2 || parts.length > 3) return detail(404, 'Not Found');
  const [, second, third] = parts as [string, string, string | undefined];

  if (parts.length === 2 && second === 'all' && method === 'GET') {
    return { status: 200, chunks: () => listChunks(state, opts.sitesAs) };
  }
  if (parts.length === 2 && second === 'register') {
    if (method !== 'POST') return detail(405, 'Method Not Allowed');
    const body = parseBody(raw);
    const fields = Array.isArray(body) ? body : checkRegister(body);
    if (Array.isArray(fields)) return unprocessable(fields);
    return { status: 200, body: sitesSummary(newSitesClient(state, fields), opts.sitesAs) };
  }
  if (parts.length === 2 && second === 'update') {
    if (method !== 'PUT') return detail(405, 'Method Not Allowed');
    const body = parseBody(raw);
    const fields = Array.isArray(body) ? body : checkUpdate(body);
    if (Array.isArray(fields)) return unprocessable(fields);
    const client = state.clients.get(fields.client_id);
    if (!client) return notFound();
    client.nom = fields.nom;
    client.code = fields.code;
    return { status: 200, body: sitesSummary(client, opts.sitesAs) };
  }
  if (parts.length === 3 && third === 'infos') {
    if (method !== 'GET') return detail(405, 'Method Not Allowed');
    const client = state.clients.get(second);
    return client ? { status: 200, body: sitesInfos(client) } : notFound();
  }
  if (parts.length === 2) {
    if (method !== 'DELETE') return detail(405, 'Method Not Allowed');
    const client = state.clients.get(second);
    if (!client) return notFound();
    if (opts.deleteMode === 'remove') state.clients.delete(second);
    else client.status = 'inactive';
    return { status: 200, body: true };
  }
  return detail(404, 'Not Found');
}
