// The sites registry sandbox (seed 002) over real HTTP: seed data, the five operations, 422/404/401, both `sites` shapes, faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSitesState, seedSitesClients } from '../../../../../main/core/sandbox/sites/state';
import { startSitesSandbox } from '../../../../../main/core/sandbox/sites';
import type { SitesSandbox } from '../../../../../main/core/sandbox/sites';
import { call } from './http';

type Summary = { client_id: string; nom: string; code: number; sites: unknown; equipements: number; status: string; timestamp: string };
type Infos = { client_id: string; nom: string; code: number; timestamp: string; sites: Array<{ site_id: string; nom: string; equipements: number }> };
type Issue = { loc: Array<string | number>; msg: string; type: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function seeded(count: number, seed: number) {
  const state = createSitesState();
  seedSitesClients(state, count, seed);
  return [...state.clients.values()];
}

describe('seed data', () => {
  it('is deterministic for a seed, different across seeds', () => {
    expect(seeded(300, 9)).toEqual(seeded(300, 9));
    expect(seeded(300, 10).map((c) => c.client_id)).not.toEqual(seeded(300, 9).map((c) => c.client_id));
  });

  it('holds French companies with sites such as "Entrepôt Lyon Sud", equipment counts and unique codes', () => {
    const clients = seeded(1_000, 42);
    expect(clients.every((c) => UUID.test(c.client_id) && c.nom.length > 0)).toBe(true);
    expect(new Set(clients.map((c) => c.code)).size).toBe(1_000);
    const sites = clients.flatMap((c) => c.sites);
    expect(sites.length).toBeGreaterThan(1_500);
    expect(sites.some((s) => /^Entrepôt (Lyon|Paris|Nantes) \w+/.test(s.nom))).toBe(true);
    expect(sites.every((s) => UUID.test(s.site_id) && Number.isInteger(s.equipements) && s.equipements >= 0)).toBe(true);
    expect(clients.some((c) => c.sites.length === 0)).toBe(true);
    expect(clients.some((c) => c.status === 'inactive')).toBe(true);
  });
});

describe('wire format without authentication', () => {
  let sandbox: SitesSandbox;
  beforeAll(async () => {
    sandbox = await startSitesSandbox({ clients: 30, seed: 4 });
  });
  afterAll(() => sandbox.close());
  afterEach(() => {
    sandbox.options.sitesAs = 'count';
    sandbox.options.deleteMode = 'deactivate';
    sandbox.faults.clear();
  });
  const api = (path: string, init?: Parameters<typeof call>[2]) => call(sandbox.url, path, init);
  const list = async () => (await api('/clients/all')).json as Summary[];

  it('GET /clients/all returns the whole list, `sites` and `equipements` as counts by default', async () => {
    const res = await api('/clients/all');
    expect(res.status).toBe(200);
    const items = res.json as Summary[];
    expect(items).toHaveLength(30);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['client_id', 'code', 'equipements', 'nom', 'sites', 'status', 'timestamp']);
    expect(items.every((c) => typeof c.sites === 'number' && typeof c.equipements === 'number')).toBe(true);
    expect(new Date(items[0]?.timestamp ?? '').toISOString()).toBe(items[0]?.timestamp);
  });

  it('GET /clients/{id}/infos lists the sites whose count and equipment total the list gave', async () => {
    const first = (await list()).find((c) => (c.sites as number) > 1) as Summary;
    const res = await api(`/clients/${first.client_id}/infos`);
    expect(res.status).toBe(200);
    const infos = res.json as Infos;
    expect(Object.keys(infos).sort()).toEqual(['client_id', 'code', 'nom', 'sites', 'timestamp']);
    expect(infos.sites).toHaveLength(first.sites as number);
    expect(infos.sites.reduce((n, s) => n + s.equipements, 0)).toBe(first.equipements);
    expect(Object.keys(infos.sites[0] ?? {}).sort()).toEqual(['equipements', 'nom', 'site_id']);
  });

  it('serves `sites` as an array of sites, or mixed from one client to the next', async () => {
    const counts = await list();
    sandbox.options.sitesAs = 'array';
    const arrays = await list();
    expect(arrays.every((c, i) => Array.isArray(c.sites) && c.sites.length === counts[i]?.sites)).toBe(true);
    const withSites = arrays.find((c) => (c.sites as unknown[]).length > 0);
    expect(Object.keys((withSites?.sites as object[])[0] ?? {}).sort()).toEqual(['equipements', 'nom', 'site_id']);
    sandbox.options.sitesAs = 'mixed';
    const mixed = await list();
    expect(mixed.some((c) => Array.isArray(c.sites))).toBe(true);
    expect(mixed.some((c) => typeof c.sites === 'number')).toBe(true);
  });

  it('POST /clients/register answers the new client (no sites, no equipment, active), then lists it', async () => {
    const res = await api('/clients/register', { method: 'POST', json: { nom: 'Transports Garnier', code: 4242 } });
    expect(res.status).toBe(200);
    const created = res.json as Summary;
    expect(created).toMatchObject({ nom: 'Transports Garnier', code: 4242, sites: 0, equipements: 0, status: 'active' });
    expect(created.client_id).toMatch(UUID);
    expect((await list()).some((c) => c.client_id === created.client_id)).toBe(true);
    expect(((await api(`/clients/${created.client_id}/infos`)).json as Infos).sites).toEqual([]);
    sandbox.options.sitesAs = 'array';
    const again = (await api('/clients/register', { method: 'POST', json: { nom: 'Atelier Lambert', code: '77' } })).json as Summary;
    expect(again).toMatchObject({ code: 77, sites: [] }); // a string of digits is an integer, as in Pydantic's lax mode
  });

  it.each([
    ['code "abc"', { nom: 'A', code: 'abc' }, [['body', 'code']], 'int_parsing'],
    ['code 1.5', { nom: 'A', code: 1.5 }, [['body', 'code']], 'int_from_float'],
    ['code null', { nom: 'A', code: null }, [['body', 'code']], 'int_type'],
    ['an empty nom', { nom: '  ', code: 1 }, [['body', 'nom']], 'string_too_short'],
    ['nom 12', { nom: 12, code: 1 }, [['body', 'nom']], 'string_type'],
    ['both missing', {}, [['body', 'nom'], ['body', 'code']], 'missing'],
  ])('POST /clients/register with %s → 422 FastAPI detail on the field', async (_label, body, locs, type) => {
    const before = sandbox.state.clients.size;
    const res = await api('/clients/register', { method: 'POST', json: body });
    expect(res.status).toBe(422);
    const issues = (res.json as { detail: Issue[] }).detail;
    expect(issues.map((d) => d.loc)).toEqual(locs);
    expect(issues[0]?.type).toBe(type);
    expect(issues.every((d) => typeof d.msg === 'string' && d.msg.length > 0)).toBe(true);
    expect(sandbox.state.clients.size).toBe(before);
  });

  it('answers 422 for a body that is not JSON, not an object, or absent', async () => {
    const bad = await api('/clients/register', { method: 'POST', body: '{nom:', headers: { 'content-type': 'application/json' } });
    expect((bad.json as { detail: Issue[] }).detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 0] });
    const list = await api('/clients/register', { method: 'POST', json: [1] });
    expect((list.json as { detail: Issue[] }).detail[0]).toMatchObject({ type: 'model_attributes_type', loc: ['body'] });
    const none = await api('/clients/register', { method: 'POST' });
    expect([none.status, (none.json as { detail: Issue[] }).detail[0]?.loc]).toEqual([422, ['body']]);
  });

  it('PUT /clients/update replaces nom and code; unknown id → 404, bad uuid or types → 422', async () => {
    const target = (await list())[3] as Summary;
    const res = await api('/clients/update', { method: 'PUT', json: { client_id: target.client_id, nom: 'Fromagerie Rousseau', code: 9001 } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ client_id: target.client_id, nom: 'Fromagerie Rousseau', code: 9001, sites: target.sites, status: target.status });
    expect((await list()).find((c) => c.client_id === target.client_id)).toMatchObject({ nom: 'Fromagerie Rousseau', code: 9001 });
    const unknown = await api('/clients/update', { method: 'PUT', json: { client_id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', nom: 'X', code: 1 } });
    expect(unknown.status).toBe(404);
    expect(typeof (unknown.json as { detail: unknown }).detail).toBe('string');
    const invalid = await api('/clients/update', { method: 'PUT', json: { client_id: 'nope', nom: '', code: 'x' } });
    expect(invalid.status).toBe(422);
    expect((invalid.json as { detail: Issue[] }).detail.map((d) => d.loc.join('.'))).toEqual(['body.client_id', 'body.nom', 'body.code']);
  });

  it('GET /clients/{unknown}/infos and DELETE /clients/{unknown} → 404 {"detail": "..."}', async () => {
    for (const [method, path] of [['GET', '/clients/3fa85f64-5717-4562-b3fc-2c963f66afa6/infos'], ['DELETE', '/clients/not-a-client']]) {
      const res = await api(path as string, { method });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: 'Client introuvable' });
    }
  });

  it('DELETE answers `true` and deactivates: the client stays listed with status "inactive"', async () => {
    const target = (await list()).find((c) => c.status === 'active') as Summary;
    const res = await api(`/clients/${target.client_id}`, { method: 'DELETE' });
    expect([res.status, res.text, res.headers.get('content-type')]).toEqual([200, 'true', 'application/json']);
    expect((await list()).find((c) => c.client_id === target.client_id)?.status).toBe('inactive');
    expect((await api(`/clients/${target.client_id}/infos`)).status).toBe(200);
    expect((await api(`/clients/${target.client_id}`, { method: 'DELETE' })).text).toBe('true');
  });

  it("with deleteMode 'remove' the client is gone afterwards (404)", async () => {
    sandbox.options.deleteMode = 'remove';
    const target = (await list())[0] as Summary;
    expect((await api(`/clients/${target.client_id}`, { method: 'DELETE' })).text).toBe('true');
    expect((await list()).some((c) => c.client_id === target.client_id)).toBe(false);
    expect((await api(`/clients/${target.client_id}/infos`)).status).toBe(404);
  });

  it('records each request and which credential it carried', async () => {
    sandbox.requests.length = 0;
    await api('/clients/all');
    expect(sandbox.requests).toEqual([expect.objectContaining({ method: 'GET', path: '/clients/all', status: 200, auth: 'none' })]);
  });

  it('fault switches: status with Retry-After for `times` requests, pathPattern, latency, reset, truncated JSON, dropAfterApply', async () => {
    const other = (await list())[0] as Summary;
    sandbox.faults.set({ status: 503, retryAfterSeconds: 7, times: 1, pathPattern: /^GET \/clients\/all$/ });
    expect((await api(`/clients/${other.client_id}/infos`)).status).toBe(200);
    const failed = await api('/clients/all');
    expect([failed.status, failed.headers.get('retry-after'), (failed.json as { detail: string }).detail]).toEqual([503, '7', 'Simulated failure (503).']);
    expect((await api('/clients/all')).status).toBe(200);

    const full = (await api('/clients/all')).text;
    sandbox.faults.set({ truncate: true, times: 1 });
    const cut = await api('/clients/all');
    expect(cut.status).toBe(200);
    expect(cut.json).toBeUndefined();
    expect(full.startsWith(cut.text) && cut.text.length < full.length).toBe(true);

    sandbox.faults.set({ reset: true, times: 1 });
    await expect(fetch(`${sandbox.url}/clients/all`)).rejects.toThrow();
    sandbox.faults.set({ latencyMs: 400, times: 1 });
    await expect(fetch(`${sandbox.url}/clients/all`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();

    const before = sandbox.state.clients.size;
    sandbox.faults.set({ dropAfterApply: true, pathPattern: /^POST /, times: 1 });
    await expect(fetch(`${sandbox.url}/clients/register`, { method: 'POST', body: JSON.stringify({ nom: 'Perdu', code: 5 }) })).rejects.toThrow();
    expect(sandbox.state.clients.size).toBe(before + 1);
  });
});

describe('authentication', () => {
  let sandbox: SitesSandbox;
  beforeAll(async () => {
    sandbox = await startSitesSandbox({ clients: 3, token: 'tok-sites-123', apiKey: 'key-sites-456', apiKeyHeader: 'X-Registry-Key' });
  });
  afterAll(() => sandbox.close());

  it('with a token, every call needs Authorization: Bearer <token> (401 otherwise)', async () => {
    const bare = await call(sandbox.url, '/clients/all');
    expect([bare.status, bare.json, bare.headers.get('www-authenticate')]).toEqual([401, { detail: 'Not authenticated' }, 'Bearer']);
    const wrong = await call(sandbox.url, '/clients/all', { headers: { authorization: 'Bearer tok-sites-12' } });
    expect([wrong.status, wrong.json]).toEqual([401, { detail: 'Invalid authentication credentials' }]);
    const denied = await call(sandbox.url, '/clients/register', { method: 'POST', json: { nom: 'X', code: 1 } });
    expect(denied.status).toBe(401);
    expect(sandbox.state.clients.size).toBe(3);
    const ok = await call(sandbox.url, '/clients/all', { headers: { authorization: 'Bearer tok-sites-123' } });
    expect([ok.status, (ok.json as unknown[]).length]).toEqual([200, 3]);
  });

  it('an API key in the header the user names is accepted too; recorded requests never hold a credential', async () => {
    const ok = await call(sandbox.url, '/clients/all', { headers: { 'x-registry-key': 'key-sites-456' } });
    expect(ok.status).toBe(200);
    const wrongHeader = await call(sandbox.url, '/clients/all', { headers: { 'x-api-key': 'key-sites-456' } });
    expect(wrongHeader.status).toBe(401);
    expect(sandbox.requests.map((r) => r.auth)).toEqual(expect.arrayContaining(['none', 'bearer', 'apiKey']));
    const recorded = JSON.stringify(sandbox.requests);
    expect(recorded).not.toContain('tok-sites');
    expect(recorded).not.toContain('key-sites');
  });
});

describe('a 100k-client registry', () => {
  let sandbox: SitesSandbox;
  beforeAll(async () => {
    sandbox = await startSitesSandbox({ clients: 100_000, seed: 1 });
  });
  afterAll(() => sandbox.close());

  it('streams /clients/all in chunks (no content-length) and it parses to every client', async () => {
    const res = await fetch(`${sandbox.url}/clients/all`);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    const items = (await res.json()) as Summary[];
    expect(items).toHaveLength(100_000);
    expect(new Set(items.map((c) => c.client_id)).size).toBe(100_000);
    expect(items[99_999]?.code).toBe(101_000);
  });
});
