// The tokenization platform sandbox (seed 003) over real HTTP: partner tree, Basic auth, take/skip, create/PATCH/DELETE, faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenizationState, seedTokenizationClients } from '../../../../../main/core/sandbox/tokenization/state';
import { startTokenizationSandbox } from '../../../../../main/core/sandbox/tokenization';
import type { TokenizationSandbox } from '../../../../../main/core/sandbox/tokenization';
import { call } from './http';

type Ref = { id: number; name: string };
type Item = { id: number; name: string; mid: string | null; isActive: boolean; version: number; partner: Ref; directPartner: Ref; contact: { id: number }; billingId: string | null };
type Page = { total: number; data: Item[] };
type Detail = Omit<Item, 'contact'> & { created: string; modified: string; location: number | null; contact: { id: number; firstName: string; lastName: string; email: string } };
type ErrorBody = { uuid: string; errorCode: number; message: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function basic(username: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

function expectError(answer: { status: number; json: unknown }, status: number, message?: RegExp): void {
  expect(answer.status).toBe(status);
  const body = answer.json as ErrorBody;
  expect(Object.keys(body).sort()).toEqual(['errorCode', 'message', 'uuid']);
  expect(body.uuid).toMatch(UUID);
  expect(body.errorCode).toBe(7000 + status);
  if (message) expect(body.message).toMatch(message);
}

const contact = { firstName: 'Élise', lastName: 'Faure', email: 'elise.faure@example.fr' };

describe('seed data', () => {
  it('is deterministic, with the default tree: the root, Est, Ouest and Est Alsace under Est', () => {
    const make = () => {
      const state = createTokenizationState('Acme');
      seedTokenizationClients(state, 200, 8);
      return state;
    };
    const a = make();
    expect([...make().clients.values()]).toEqual([...a.clients.values()]);
    expect([...a.partners.values()].map((p) => [p.name, p.parentId])).toEqual([
      ['Acme', null], ['Acme Est', 792], ['Acme Ouest', 792], ['Acme Est Alsace', 793],
    ]);
    expect(new Set([...a.clients.values()].map((c) => c.name.toLowerCase())).size).toBe(200);
    expect(new Set([...a.clients.values()].map((c) => c.directPartnerId))).toEqual(new Set([792, 793, 794, 795]));
  });
});

describe('wire format', () => {
  let sandbox: TokenizationSandbox;
  let auth: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startTokenizationSandbox({ clients: 60, seed: 3, username: 'ops@acme.test', password: 'pw-Tok-987', partner: 'Acme' });
    auth = basic('ops@acme.test', 'pw-Tok-987');
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.faults.clear());
  const api = (path: string, init: Parameters<typeof call>[2] = {}) => call(sandbox.url, path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  const page = async (query: string) => (await api(`/api/v1/clients?${query}`)).json as Page;
  const detail = async (id: number) => (await api(`/api/v1/clients/${id}`)).json as Detail;

  it('needs HTTP Basic: none or a wrong password → 401 with the error shape, never recording the credential', async () => {
    const none = await call(sandbox.url, '/api/v1/clients?partner=Acme');
    expectError(none, 401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    expectError(await call(sandbox.url, '/api/v1/clients?partner=Acme', { headers: basic('ops@acme.test', 'pw-Tok-98') }), 401, /password/);
    expectError(await call(sandbox.url, '/api/v1/clients?partner=Acme', { headers: { authorization: 'Bearer x' } }), 401);
    expect((await api('/api/v1/clients?partner=Acme')).status).toBe(200);
    expect(sandbox.requests.map((r) => r.auth)).toEqual(['none', 'basic', 'bearer', 'basic']);
    expect(JSON.stringify(sandbox.requests)).not.toMatch(/pw-Tok|b3BzQGFjbWUudGVzdDpwdy1Ub2stOTg3/);
  });

  it('lists by partner with take 10 and skip 0 by default, `partner` = root, `directPartner` = own', async () => {
    const first = await page('partner=Acme');
    expect(first.total).toBe(60);
    expect(first.data).toHaveLength(10);
    expect(Object.keys(first.data[0] ?? {}).sort()).toEqual(['billingId', 'contact', 'directPartner', 'id', 'isActive', 'mid', 'name', 'partner', 'version'].sort());
    expect(first.data.every((c) => c.partner.id === 792 && c.partner.name === 'Acme' && Object.keys(c.contact).join() === 'id')).toBe(true);
    expect(first.data.some((c) => c.directPartner.id !== 792)).toBe(true);
    expect((await page('partner=792&take=10&skip=0')).data).toEqual(first.data);
    const next = await page('partner=acme&take=5&skip=10');
    expect(next.data.map((c) => c.id)).toEqual((await page('partner=Acme&take=15')).data.slice(10).map((c) => c.id));
  });

  it('a sub-partner lists its subtree by directPartner: Est holds Est Alsace\'s clients', async () => {
    const est = await page('partner=Acme Est&take=100');
    const alsace = await page('partner=795&take=100');
    expect(est.total).toBe(est.data.length);
    expect(new Set(est.data.map((c) => c.directPartner.name))).toEqual(new Set(['Acme Est', 'Acme Est Alsace']));
    expect(alsace.data.every((c) => c.directPartner.id === 795)).toBe(true);
    expect(est.data.filter((c) => c.directPartner.id === 795).map((c) => c.id)).toEqual(alsace.data.map((c) => c.id));
  });

  it('partner is required, must exist; take and skip must be whole numbers; take is capped at 100', async () => {
    expectError(await api('/api/v1/clients'), 400, /partner/);
    expectError(await api('/api/v1/clients?partner=%20'), 400, /partner/);
    expectError(await api('/api/v1/clients?partner=Nobody'), 404, /Nobody/);
    expectError(await api('/api/v1/clients?partner=9999'), 404);
    expectError(await api('/api/v1/clients?partner=Acme&take=-1'), 400, /take/);
    expectError(await api('/api/v1/clients?partner=Acme&skip=abc'), 400, /skip/);
    sandbox.options.maxTake = 20;
    expect((await page('partner=Acme&take=500')).data).toHaveLength(20);
    sandbox.options.maxTake = 100;
    expect(await page('partner=Acme&take=0')).toEqual({ total: 60, data: [] });
    expect((await page('partner=Acme&skip=1000')).data).toEqual([]);
  });

  it('GET /clients/{id} adds created, modified, the full contact and location', async () => {
    const id = (await page('partner=Acme')).data[0]?.id as number;
    const d = await detail(id);
    expect(Object.keys(d).sort()).toEqual(['billingId', 'contact', 'created', 'directPartner', 'id', 'isActive', 'location', 'mid', 'modified', 'name', 'partner', 'version'].sort());
    expect(d.contact).toEqual({ id: expect.any(Number), firstName: expect.any(String), lastName: expect.any(String), email: expect.stringMatching(/@/) });
    expect(new Date(d.created).toISOString()).toBe(d.created);
    expect(Date.parse(d.modified)).toBeGreaterThanOrEqual(Date.parse(d.created));
    expectError(await api('/api/v1/clients/1'), 404);
    expectError(await api('/api/v1/clients/abc'), 400);
  });

  it('POST creates with directPartner by name, by id or both → 200 {id}; version 0; partner is the root', async () => {
    const byName = await api('/api/v1/clients', { method: 'POST', json: { name: 'Librairie Faure', isActive: false, directPartner: { name: 'Acme Ouest' }, contact } });
    expect(byName.status).toBe(200);
    const { id } = byName.json as { id: number };
    expect(Object.keys(byName.json as object)).toEqual(['id']);
    expect(await detail(id)).toMatchObject({ name: 'Librairie Faure', isActive: false, version: 0, mid: null, partner: { id: 792 }, directPartner: { id: 794, name: 'Acme Ouest' }, contact });
    const byId = (await api('/api/v1/clients', { method: 'POST', json: { name: 'Garage Faure', isActive: true, directPartner: { id: 795 }, contact } })).json as { id: number };
    expect((await detail(byId.id)).directPartner).toEqual({ id: 795, name: 'Acme Est Alsace' });
    const both = await api('/api/v1/clients', { method: 'POST', json: { name: 'Studio Faure', directPartner: { id: 792, name: 'Acme' }, contact: { ...contact, id: 2666 } } });
    expect((await detail((both.json as { id: number }).id))).toMatchObject({ isActive: true, contact: { id: 2666 } });
    expect((await page('partner=Acme Ouest&take=100')).data.some((c) => c.id === id)).toBe(true);
  });

  it('POST refuses a duplicate name (409), a bad email, a missing or unknown directPartner, missing fields (400)', async () => {
    const taken = (await page('partner=Acme')).data[0]?.name as string;
    const size = sandbox.state.clients.size;
    expectError(await api('/api/v1/clients', { method: 'POST', json: { name: taken.toUpperCase(), directPartner: { id: 792 }, contact } }), 409, /already exists/);
    expectError(await api('/api/v1/clients', { method: 'POST', json: { name: 'N1', directPartner: { id: 792 }, contact: { ...contact, email: 'pas-un-email' } } }), 400, /contact\.email/);
    expectError(await api('/api/v1/clients', { method: 'POST', json: { name: 'N2', directPartner: {}, contact } }), 400, /directPartner needs its id or its name/);
    expectError(await api('/api/v1/clients', { method: 'POST', json: { name: 'N3', directPartner: { id: 4242 }, contact } }), 400, /4242/);
    expectError(await api('/api/v1/clients', { method: 'POST', json: { name: 'N4', directPartner: { id: 793, name: 'Acme Ouest' }, contact } }), 400, /different partners/);
    const missing = await api('/api/v1/clients', { method: 'POST', json: { isActive: 'yes' } });
    expectError(missing, 400);
    for (const field of ['name', 'isActive', 'directPartner', 'contact']) expect((missing.json as ErrorBody).message).toContain(field);
    expectError(await api('/api/v1/clients', { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } }), 400, /JSON/);
    expect(sandbox.state.clients.size).toBe(size);
  });

  it('PATCH changes any subset → 200 {id}, bumps version by one and moves modified forward', async () => {
    const id = (await page('partner=Acme')).data[1]?.id as number;
    const before = await detail(id);
    const res = await api(`/api/v1/clients/${id}`, { method: 'PATCH', json: { mid: 'merchant-77' } });
    expect([res.status, res.json]).toEqual([200, { id }]);
    const after = await detail(id);
    expect(after).toMatchObject({ mid: 'merchant-77', name: before.name, version: before.version + 1, contact: before.contact });
    expect(Date.parse(after.modified)).toBeGreaterThan(Date.parse(before.modified));
    await api(`/api/v1/clients/${id}`, { method: 'PATCH', json: { isActive: !before.isActive, contact: { email: 'new@acme.fr' }, directPartner: { name: 'Acme Est Alsace' } } });
    const again = await detail(id);
    expect(again).toMatchObject({ version: before.version + 2, isActive: !before.isActive, contact: { ...before.contact, email: 'new@acme.fr' }, directPartner: { id: 795 } });
    expect((await page('partner=795&take=100')).data.some((c) => c.id === id)).toBe(true);
    expect((await api(`/api/v1/clients/${id}`, { method: 'PATCH', json: { name: again.name } })).status).toBe(200);
  });

  it('PATCH refuses another client\'s name (409) or bad fields (400) and changes nothing; unknown id → 404 7404', async () => {
    const [a, b] = (await page('partner=Acme')).data as [Item, Item];
    expectError(await api(`/api/v1/clients/${a.id}`, { method: 'PATCH', json: { name: b.name } }), 409);
    expectError(await api(`/api/v1/clients/${a.id}`, { method: 'PATCH', json: { contact: { email: 'x@' }, isActive: 1 } }), 400, /isActive.*contact\.email/);
    expect((await detail(a.id)).version).toBe(a.version);
    expectError(await api('/api/v1/clients/999999', { method: 'PATCH', json: { mid: 'x' } }), 404);
  });

  it('DELETE → 200, then GET, PATCH and DELETE → 404 {uuid, errorCode: 7404, message}; the name is free again', async () => {
    const victim = (await page('partner=Acme')).data[2] as Item;
    const total = (await page('partner=Acme')).total;
    const res = await api(`/api/v1/clients/${victim.id}`, { method: 'DELETE' });
    expect([res.status, res.text]).toEqual([200, '']);
    const gone = await api(`/api/v1/clients/${victim.id}`);
    expectError(gone, 404, /cannot be found/);
    expect((gone.json as ErrorBody).errorCode).toBe(7404);
    expectError(await api(`/api/v1/clients/${victim.id}`, { method: 'DELETE' }), 404);
    expect((await page('partner=Acme')).total).toBe(total - 1);
    expect((await api('/api/v1/clients', { method: 'POST', json: { name: victim.name, directPartner: { id: 792 }, contact } })).status).toBe(200);
  });

  it('fault switches: status + Retry-After in the error shape, times, pathPattern, truncate, reset, latency', async () => {
    sandbox.faults.set({ status: 503, retryAfterSeconds: 3, times: 1, pathPattern: /^GET \/api\/v1\/clients$/ });
    expect((await api('/api/v1/clients/1001')).status).toBe(200);
    const failed = await api('/api/v1/clients?partner=Acme');
    expectError(failed, 503, /Simulated failure/);
    expect(failed.headers.get('retry-after')).toBe('3');
    expect((await api('/api/v1/clients?partner=Acme')).status).toBe(200);
    sandbox.faults.set({ truncate: true, times: 1 });
    const cut = await api('/api/v1/clients?partner=Acme');
    expect([cut.status, cut.json, cut.text.startsWith('{"total":')]).toEqual([200, undefined, true]);
    sandbox.faults.set({ reset: true, times: 1 });
    await expect(fetch(`${sandbox.url}/api/v1/clients?partner=Acme`, { headers: auth })).rejects.toThrow();
    sandbox.faults.set({ latencyMs: 400, times: 1 });
    await expect(fetch(`${sandbox.url}/api/v1/clients?partner=Acme`, { headers: auth, signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(sandbox.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/clients', auth: 'basic' });
  });
});

describe('a tenant of 2,500 clients in 3 partners', () => {
  let sandbox: TokenizationSandbox;
  beforeAll(async () => {
    sandbox = await startTokenizationSandbox({ clients: 2_500, seed: 12, partner: 'Root', subPartners: [{ name: 'Nord' }, { name: 'Sud' }] });
  });
  afterAll(() => sandbox.close());

  async function walk(partner: string, take: number): Promise<{ total: number; items: Item[] }> {
    const headers = basic(sandbox.credentials.username, sandbox.credentials.password);
    const items: Item[] = [];
    let total = -1;
    while (total < 0 || items.length < total) {
      const res = await call(sandbox.url, `/api/v1/clients?partner=${encodeURIComponent(partner)}&take=${take}&skip=${items.length}`, { headers });
      const body = res.json as Page;
      total = body.total;
      if (body.data.length === 0) break;
      items.push(...body.data);
    }
    return { total, items };
  }

  it('walking take/skip per partner collects exactly the stated totals, which add up to the root\'s', async () => {
    const root = await walk('Root', 100);
    const nord = await walk('Nord', 100);
    const sud = await walk('Sud', 1000); // above the cap: pages of 100 come back, paging goes on by what was received
    expect(root.total).toBe(2_500);
    for (const w of [root, nord, sud]) {
      expect(w.items).toHaveLength(w.total);
      expect(new Set(w.items.map((c) => c.id)).size).toBe(w.total);
    }
    const direct = root.items.filter((c) => c.directPartner.name === 'Root').length;
    expect(direct).toBeGreaterThan(0);
    expect(nord.total).toBeGreaterThan(0);
    expect(sud.total).toBeGreaterThan(0);
    expect(direct + nord.total + sud.total).toBe(root.total);
    const rootIds = new Set(root.items.map((c) => c.id));
    expect([...nord.items, ...sud.items].every((c) => rootIds.has(c.id))).toBe(true);
  });
});
