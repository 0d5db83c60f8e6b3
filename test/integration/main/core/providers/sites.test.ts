// Sites registry provider over real HTTP: the five operations, both shapes of `sites`, every documented error,
// and each auth scheme. Runs against the sandbox by default, or SITES_TEST_URL (+ SITES_TEST_TOKEN).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Provider } from '../../../../../main/core/providers/types';
import { startSitesSandbox } from '../../../../../main/core/sandbox/sites';
import { freshCode, sitesProviderFor, sitesSandboxOnly, startSitesTarget } from './sites-target';
import type { SitesTarget } from './sites-target';

let target: SitesTarget;
let sites: Provider;

beforeAll(async () => {
  target = await startSitesTarget({ sitesAs: 'mixed' });
  sites = sitesProviderFor(target);
});
afterAll(() => target.close());
beforeEach(() => target.sandbox?.faults.clear());

const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> });

describe('operations', () => {
  it('lists the whole registry in one answer, sites as a count or as a list', async () => {
    const page = await sites.listClients(1, 100);
    expect(page.total).toBe(page.records.length);
    expect(page.records.length).toBeGreaterThan(0);
    for (const record of page.records) {
      expect(record.remoteId).toMatch(/^[0-9a-f-]{36}$/);
      expect(record.identifier).toMatch(/^-?\d+$/);
      expect(typeof record.extra.sites).toBe('number');
      expect(typeof record.extra.equipements).toBe('number');
    }
    expect((await sites.listClients(2, 100)).records).toEqual([]);
    if (target.sandbox) {
      // 'mixed': some clients list their sites as an array; the count is the array's length.
      const asArray = page.records.filter((r) => Array.isArray(r.extra.sitesList));
      expect(asArray.length).toBeGreaterThan(0);
      for (const r of asArray) expect(r.extra.sites).toBe((r.extra.sitesList as unknown[]).length);
    }
  });

  it('registers, reads /infos with its sites, updates with the full record, deactivates', async () => {
    const code = freshCode();
    const created = await sites.createClient!({ name: 'Entrepôt Test Lyon', identifier: code });
    expect(created).toMatchObject({ name: 'Entrepôt Test Lyon', identifier: code });
    const detail = await sites.getClient!(created.remoteId);
    expect(detail).toMatchObject({ remoteId: created.remoteId, name: 'Entrepôt Test Lyon', identifier: code });
    expect(Array.isArray(detail.extra.sitesList)).toBe(true);

    // Only the name changes: the provider completes the PUT with the server's code.
    const renamed = await sites.updateClient!(created.remoteId, { name: 'Entrepôt Test Lyon Sud' });
    expect(renamed).toMatchObject({ name: 'Entrepôt Test Lyon Sud', identifier: code });
    if (target.sandbox) {
      const puts = target.sandbox.requests.filter((r) => r.method === 'PUT');
      expect(puts.at(-1)).toMatchObject({ path: '/clients/update', status: 200 });
    }

    const result = await sites.deactivateClient!(created.remoteId);
    expect(result.status).toBe('inactive');
  });

  it('reads a seeded client with its sites table', async () => {
    const { records } = await sites.listClients(1, 100);
    const withSites = records.find((r) => (r.extra.sites as number) > 0) ?? records[0]!;
    const detail = await sites.getClient!(withSites.remoteId);
    const list = detail.extra.sitesList as Array<{ siteId: string; name: string; equipment: number }>;
    expect(list.length).toBe(withSites.extra.sites);
    for (const site of list) expect(site).toMatchObject({ siteId: expect.any(String), name: expect.any(String), equipment: expect.any(Number) });
  });
});

describe.skipIf(sitesSandboxOnly('a registry larger than the body cap'))('whole list as a stream', () => {
  it('streams a 60,000-client registry (over the 8 MiB body cap) in batches', async () => {
    const big = await startSitesSandbox({ clients: 60_000, sitesAs: 'mixed' });
    try {
      // The request's timeout covers reading the whole body: give this loaded test machine room.
      const provider = sitesProviderFor({ url: big.url, token: null }, { method: 'none' }, {}, 60_000);
      let batches = 0;
      const ids = new Set<string>();
      for await (const batch of provider.streamClients!(5_000)) {
        batches++;
        expect(batch.length).toBeLessThanOrEqual(5_000 + 500);
        for (const r of batch) ids.add(r.remoteId);
      }
      expect(ids.size).toBe(60_000);
      expect(batches).toBeGreaterThanOrEqual(10);
      expect((await provider.listClients(1, 100)).total).toBe(60_000);
      console.info(`sites stream: 60,000 clients in ${batches} batches`);
    } finally {
      await big.close();
    }
  }, 60_000);
});

describe('errors', () => {
  it.skipIf(sitesSandboxOnly('server-side 422'))('a 422 lands on the form fields (nom → name, code → identifier)', async () => {
    const err = await fail(sites.createClient!({ name: '', identifier: '12' }));
    expect(err).toMatchObject({ code: 'VALIDATION', details: { status: 422 } });
    expect((err?.details?.fields as Array<{ field: string }>).map((f) => f.field)).toContain('name');
    const raw = await fetch(`${target.url}/clients/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ nom: 'X', code: 'abc' }),
    });
    expect(raw.status).toBe(422);
    expect(JSON.stringify(await raw.json())).toContain('"code"');
  });

  it('a wrong code type never reaches the server; an unknown id is NOT_FOUND', async () => {
    const before = target.sandbox?.requests.length ?? 0;
    const wrong = await fail(sites.createClient!({ name: 'Acme', identifier: 'douze' }));
    expect(wrong).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'identifier' }] } });
    expect(target.sandbox?.requests.length ?? 0).toBe(before);
    expect(await fail(sites.getClient!(randomUUID()))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.skipIf(sitesSandboxOnly('server-side 422 per field, faults'))('maps the server 422 field by field, 500s, non-JSON and a dead server', async () => {
    target.sandbox!.faults.set({ status: 500, times: 2 });
    expect(await fail(sites.listClients(1, 100))).toMatchObject({ code: 'SERVER' });
    target.sandbox!.faults.set({ truncate: true, times: 1 });
    expect(await fail(sites.listClients(1, 100))).toMatchObject({ code: 'BAD_RESPONSE' });
    target.sandbox!.faults.clear();
    const gone = await startSitesSandbox({ clients: 1 });
    const url = gone.url;
    await gone.close();
    expect(await fail(sitesProviderFor({ url, token: null }).listClients(1, 100))).toMatchObject({ code: 'OFFLINE' });
  });
});

describe.skipIf(sitesSandboxOnly('auth schemes'))('auth', () => {
  it('test connection is one small call, and a wrong bearer token is AUTH_REQUIRED', async () => {
    const before = target.sandbox!.requests.length;
    expect(await sites.testConnection()).toEqual({ total: null });
    expect(target.sandbox!.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /clients/00000000-0000-4000-8000-000000000000/infos',
    ]);
    const wrong = sitesProviderFor({ url: target.url, token: 'nope' });
    expect(await fail(wrong.testConnection())).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(await fail(wrong.listClients(1, 100))).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(target.sandbox!.requests.at(-1)).toMatchObject({ auth: 'bearer', status: 401 });
  });

  it('an API key in the header the user names, and no auth at all', async () => {
    const keyed = await startSitesSandbox({ clients: 3, apiKey: 'k-123456', apiKeyHeader: 'X-Registry-Key' });
    const open = await startSitesSandbox({ clients: 2 });
    try {
      const good = sitesProviderFor({ url: keyed.url, token: null }, { method: 'apiKeyHeader', headerName: 'X-Registry-Key' }, { apiKey: 'k-123456' });
      expect((await good.listClients(1, 100)).records).toHaveLength(3);
      expect(keyed.requests.at(-1)).toMatchObject({ auth: 'apiKey', status: 200 });
      const wrongHeader = sitesProviderFor({ url: keyed.url, token: null }, { method: 'apiKeyHeader', headerName: 'X-Other' }, { apiKey: 'k-123456' });
      expect(await fail(wrongHeader.listClients(1, 100))).toMatchObject({ code: 'AUTH_REQUIRED' });
      const none = sitesProviderFor({ url: open.url, token: null }, { method: 'none' });
      expect((await none.listClients(1, 100)).records).toHaveLength(2);
      expect(open.requests.at(-1)).toMatchObject({ auth: 'none' });
    } finally {
      await keyed.close();
      await open.close();
    }
  });
});
