import { randomBytes } from 'node:crypto';
import type { SandboxState } from './state';
import { addClient, clientDetail, newClient } from './state';
import type { SandboxClient } from './state';
import { openWithCallerKey, parseCallerKey, sealWithCallerKey } from './tokens';

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  /** Who is calling, once authenticated. */
  caller: { scope: string | null } | null;
}

export interface SandboxReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const reply = (status: number, body: unknown): SandboxReply => ({ status, body });
const detail = (status: number, message: string): SandboxReply => reply(status, { detail: message });

type Issue = { loc: Array<string | number>; msg: string; type: string };
const unprocessable = (issues: Issue[]): SandboxReply => reply(422, { detail: issues });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkClientFields(body: Record<string, unknown>, partial: boolean): Issue[] {
  const issues: Issue[] = [];
  if (!partial || 'name' in body) {
    const name = body.name;
    if (typeof name !== 'string') issues.push({ loc: ['body', 'name'], msg: 'Field required', type: 'missing' });
    else if (name.trim().length < 1) issues.push({ loc: ['body', 'name'], msg: 'String should have at least 1 character', type: 'string_too_short' });
    else if (name.length > 255) issues.push({ loc: ['body', 'name'], msg: 'String should have at most 255 characters', type: 'string_too_long' });
  }
  if ('siret' in body && body.siret !== null && (typeof body.siret !== 'string' || !/^\d{14}$/.test(body.siret))) {
    issues.push({ loc: ['body', 'siret'], msg: "String should match pattern '^\\d{14}$'", type: 'string_pattern_mismatch' });
  }
  if ('description' in body && body.description !== null && (typeof body.description !== 'string' || body.description.length > 1000)) {
    issues.push({ loc: ['body', 'description'], msg: 'String should have at most 1000 characters', type: 'string_too_long' });
  }
  return issues;
}

function pdpView(c: SandboxClient): Record<string, unknown> {
  const p = c.pdp;
  if (!p) return { isConfigured: false, message: 'Aucune configuration PDP pour ce client.' };
  return {
    isConfigured: true,
    id: p.id,
    isActive: p.isActive,
    modeSandbox: p.modeSandbox,
    flowServiceUrl: p.flowServiceUrl,
    tokenUrl: p.tokenUrl,
    oauthClientId: p.oauthClientId,
    encryptionMode: p.encryptionMode,
    secretStatus:
      p.encryptionMode === 'double'
        ? { status: 'active', message: 'Secret chiffré (double) : clé client requise.', encryptionMode: 'double', requiresClientKey: true }
        : { status: 'active', message: 'Secret chiffré.', encryptionMode: 'fernet', requiresClientKey: false },
    lastTestAt: null,
    lastTestSuccess: null,
    lastTestError: null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function route(state: SandboxState, req: SandboxRequest): SandboxReply {
  const parts = req.path.replace(/^\/api\/v1\/clients\/?/, '').split('/').filter(Boolean);
  if (!req.path.startsWith('/api/v1/clients')) return detail(404, 'Not found.');
  const scope = req.caller?.scope ?? null;

  if (parts.length === 0) {
    if (scope) return detail(403, 'Accès refusé : jeton limité à un client.');
    if (req.method === 'GET') return listClients(state, req.query);
    if (req.method === 'POST') return createClient(state, req.body);
    return detail(405, 'Method not allowed.');
  }
  const uid = parts[0] as string;
  if (!UUID.test(uid)) return unprocessable([{ loc: ['path', 'uid'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }]);
  if (scope && scope !== uid) return detail(403, 'Accès refusé : ce jeton ne concerne pas ce client.');
  const client = state.clients.get(uid);
  if (!client) return detail(404, 'Client introuvable.');
  const action = parts.slice(1).join('/');
  const key = `${req.method} ${action}`;
  switch (key) {
    case 'GET ':
      return reply(200, clientDetail(client));
    case 'PATCH ':
      return updateClient(client, req.body);
    case 'POST activer':
    case 'POST desactiver': {
      client.isActive = action === 'activer';
      client.updatedAt = new Date().toISOString();
      return reply(200, { uid, isActive: client.isActive, message: client.isActive ? 'Client activé.' : 'Client désactivé.' });
    }
    case 'GET pdp-config':
      return reply(200, pdpView(client));
    case 'PUT pdp-config':
      return putPdp(state, client, req);
    case 'POST rotate-encryption-key':
      return rotate(client, req.body);
    case 'POST webhook-secret/generate': {
      const secret = `whsec_${randomBytes(24).toString('base64url')}`;
      client.webhook = { secret, createdAt: new Date().toISOString() };
      return reply(200, { success: true, webhookSecret: secret, message: 'Secret généré. Il ne sera plus affiché.', createdAt: client.webhook.createdAt });
    }
    case 'GET webhook-secret/status':
      return reply(200, { hasSecret: client.webhook !== null, createdAt: client.webhook?.createdAt ?? null });
    case 'DELETE webhook-secret':
      client.webhook = null;
      return reply(200, { success: true, message: 'Secret supprimé : la clé globale signe désormais les webhooks.' });
    default:
      return detail(404, 'Not found.');
  }
}

function listClients(state: SandboxState, query: URLSearchParams): SandboxReply {
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const issues: Issue[] = [];
  if (!Number.isInteger(page) || page < 1) issues.push({ loc: ['query', 'page'], msg: 'Input should be greater than or equal to 1', type: 'greater_than_equal' });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    issues.push({ loc: ['query', 'pageSize'], msg: 'Input should be between 1 and 100', type: 'less_than_equal' });
  }
  if (issues.length) return unprocessable(issues);
  const uids = state.order.slice((page - 1) * pageSize, page * pageSize);
  const results = uids.map((u) => clientDetail(state.clients.get(u) as SandboxClient));
  return reply(200, { results, total: state.order.length, page, pageSize });
}

function createClient(state: SandboxState, body: unknown): SandboxReply {
  if (!isObject(body)) return detail(400, 'Corps JSON attendu.');
  const issues = checkClientFields(body, false);
  if (issues.length) return unprocessable(issues);
  const client = newClient({
    name: (body.name as string).trim(),
    siret: (body.siret as string | undefined) ?? null,
    description: (body.description as string | undefined) ?? null,
  });
  addClient(state, client);
  return reply(201, clientDetail(client));
}

function updateClient(client: SandboxClient, body: unknown): SandboxReply {
  if (!isObject(body)) return detail(400, 'Corps JSON attendu.');
  const issues = checkClientFields(body, true);
  if (issues.length) return unprocessable(issues);
  if (typeof body.name === 'string') client.name = body.name.trim();
  if ('siret' in body) client.siret = (body.siret as string | null) ?? null;
  if ('description' in body) client.description = (body.description as string | null) ?? null;
  client.updatedAt = new Date().toISOString();
  return reply(200, clientDetail(client));
}

function putPdp(state: SandboxState, client: SandboxClient, req: SandboxRequest): SandboxReply {
  const body = req.body;
  if (!isObject(body)) return detail(400, 'Corps JSON attendu.');
  const issues: Issue[] = [];
  for (const field of ['flowServiceUrl', 'tokenUrl', 'oauthClientId', 'clientSecret']) {
    if (typeof body[field] !== 'string' || (body[field] as string).length === 0) issues.push({ loc: ['body', field], msg: 'Field required', type: 'missing' });
  }
  for (const field of ['flowServiceUrl', 'tokenUrl']) {
    if (typeof body[field] === 'string' && !/^https?:\/\//.test(body[field] as string)) {
      issues.push({ loc: ['body', field], msg: 'Input should be a valid URL', type: 'url_parsing' });
    }
  }
  const mode = (body.encryptionMode ?? 'fernet') as 'fernet' | 'double';
  if (mode !== 'fernet' && mode !== 'double') issues.push({ loc: ['body', 'encryptionMode'], msg: "Input should be 'fernet' or 'double'", type: 'enum' });
  if (issues.length) return unprocessable(issues);
  let storedSecret = body.clientSecret as string;
  if (mode === 'double') {
    const key = parseCallerKey(req.headers['x-encryption-key']);
    if (!key) return detail(400, 'En mode double, l’en-tête X-Encryption-Key (32 octets en base64) est obligatoire.');
    storedSecret = sealWithCallerKey(key, storedSecret);
  }
  const now = new Date().toISOString();
  client.pdp = {
    id: client.pdp?.id ?? state.nextPdpId++,
    flowServiceUrl: body.flowServiceUrl as string,
    tokenUrl: body.tokenUrl as string,
    oauthClientId: body.oauthClientId as string,
    isActive: body.isActive === undefined ? true : Boolean(body.isActive),
    modeSandbox: Boolean(body.modeSandbox),
    encryptionMode: mode,
    storedSecret,
    createdAt: client.pdp?.createdAt ?? now,
    updatedAt: now,
  };
  client.updatedAt = now;
  return reply(200, pdpView(client));
}

function rotate(client: SandboxClient, body: unknown): SandboxReply {
  if (!isObject(body)) return detail(400, 'Corps JSON attendu.');
  const oldKey = parseCallerKey(body.oldKey as string | undefined);
  const newKey = parseCallerKey(body.newKey as string | undefined);
  const issues: Issue[] = [];
  if (!oldKey) issues.push({ loc: ['body', 'oldKey'], msg: 'Must be base64 of exactly 32 bytes', type: 'value_error' });
  if (!newKey) issues.push({ loc: ['body', 'newKey'], msg: 'Must be base64 of exactly 32 bytes', type: 'value_error' });
  if (issues.length || !oldKey || !newKey) return unprocessable(issues);
  if (!client.pdp || client.pdp.encryptionMode !== 'double') return detail(404, 'Aucun secret en chiffrement double pour ce client.');
  const plain = openWithCallerKey(oldKey, client.pdp.storedSecret);
  if (plain === null) return detail(400, 'Ancienne clé invalide : aucun secret n’a été modifié.');
  client.pdp.storedSecret = sealWithCallerKey(newKey, plain);
  client.pdp.updatedAt = new Date().toISOString();
  return reply(200, { success: true, message: 'Clé de chiffrement renouvelée.', rotatedCount: 1, partialErrors: [] });
}
