import { randomUUID } from 'node:crypto';
import type { SandboxAnswer } from '../common/server';
import type { TokenizationClient, TokenizationState } from './state';
import { addTokenizationClient, clientDetail, findPartner, foldName, listItem, subtreeOf } from './state';
import { checkClientBody } from './validation';
import type { ClientChanges } from './validation';

export interface TokenizationRouteOptions {
  /** Largest `take` honoured; a larger one is silently lowered to it (page by the items received, not by `take`). */
  maxTake: number;
}

/** The platform's error shape; errorCode is 7000 + the HTTP status (the seed shows 7404 for a 404). */
export function tokenizationError(status: number, message: string): SandboxAnswer {
  return { status, body: { uuid: randomUUID(), errorCode: 7000 + status, message } };
}

const gone = () => tokenizationError(404, 'Requested resource cannot be found.');

function queryInteger(query: URLSearchParams, name: string, fallback: number): number | SandboxAnswer {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    return tokenizationError(400, `Query parameter '${name}' must be a whole number ≥ 0 (got "${value}").`);
  }
  return Number(value);
}

/** GET /api/v1/clients?partner=&take=&skip=: the clients of the partner's subtree (by directPartner), by id. */
function listClients(state: TokenizationState, opts: TokenizationRouteOptions, query: URLSearchParams): SandboxAnswer {
  const ref = query.get('partner')?.trim() ?? '';
  if (ref === '') return tokenizationError(400, "Query parameter 'partner' is required (a partner id or name).");
  const take = queryInteger(query, 'take', 10);
  if (typeof take !== 'number') return take;
  const skip = queryInteger(query, 'skip', 0);
  if (typeof skip !== 'number') return skip;
  const partner = findPartner(state, ref);
  if (!partner) return tokenizationError(404, `Partner "${ref}" cannot be found.`);
  const scope = subtreeOf(state, partner.id);
  const end = skip + Math.min(take, opts.maxTake);
  const data: Record<string, unknown>[] = [];
  let total = 0;
  for (const client of state.clients.values()) {
    if (!scope.has(client.directPartnerId)) continue;
    if (total >= skip && total < end) data.push(listItem(state, client));
    total++;
  }
  return { status: 200, body: { total, data } };
}

/** An ISO time after `previous`, so each PATCH moves `modified` forward. */
function nextTimestamp(previous: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();
}

function apply(state: TokenizationState, client: TokenizationClient, changes: ClientChanges): void {
  if (changes.name !== undefined) {
    state.names.delete(foldName(client.name));
    client.name = changes.name;
    state.names.set(foldName(client.name), client.id);
  }
  if (changes.isActive !== undefined) client.isActive = changes.isActive;
  if (changes.directPartnerId !== undefined) client.directPartnerId = changes.directPartnerId;
  if (changes.contact) client.contact = { ...client.contact, ...changes.contact };
  if (changes.mid !== undefined) client.mid = changes.mid;
  if (changes.billingId !== undefined) client.billingId = changes.billingId;
  if (changes.location !== undefined) client.location = changes.location;
}

function createClient(state: TokenizationState, body: unknown): SandboxAnswer {
  const checked = checkClientBody(state, body, false);
  if (!checked.ok) return tokenizationError(checked.status, checked.message);
  const { changes } = checked;
  const now = new Date().toISOString();
  const contact = changes.contact as Required<NonNullable<ClientChanges['contact']>>;
  const client: TokenizationClient = {
    id: state.nextClientId++,
    name: changes.name as string,
    mid: changes.mid ?? null,
    isActive: changes.isActive ?? true,
    version: 0,
    directPartnerId: changes.directPartnerId as number,
    contact: { ...contact, id: contact.id ?? state.nextContactId++ },
    billingId: changes.billingId ?? null,
    location: changes.location ?? null,
    created: now,
    modified: now,
  };
  addTokenizationClient(state, client);
  return { status: 200, body: { id: client.id } };
}

/** The seed's five operations under /api/v1/clients (providers.md §3). */
export function routeTokenization(state: TokenizationState, opts: TokenizationRouteOptions, method: string, path: string, query: URLSearchParams, body: unknown): SandboxAnswer {
  const match = /^\/api\/v1\/clients(?:\/([^/]+))?\/?$/.exec(path);
  if (!match) return gone();
  const idText = match[1];
  if (idText === undefined) {
    if (method === 'GET') return listClients(state, opts, query);
    if (method === 'POST') return createClient(state, body);
    return tokenizationError(405, `${method} is not allowed here.`);
  }
  if (!/^\d+$/.test(idText)) return tokenizationError(400, `Client id must be an integer (got "${idText}").`);
  const client = state.clients.get(Number(idText));
  if (!client) return gone();
  switch (method) {
    case 'GET':
      return { status: 200, body: clientDetail(state, client) };
    case 'PATCH': {
      const checked = checkClientBody(state, body, true, client.id);
      if (!checked.ok) return tokenizationError(checked.status, checked.message);
      apply(state, client, checked.changes);
      client.version++;
      client.modified = nextTimestamp(client.modified);
      return { status: 200, body: { id: client.id } };
    }
    case 'DELETE':
      state.clients.delete(client.id);
      state.names.delete(foldName(client.name));
      return { status: 200 };
    default:
      return tokenizationError(405, `${method} is not allowed here.`);
  }
}
