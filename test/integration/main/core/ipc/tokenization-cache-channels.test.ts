import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../main/core/create-core';
import { startTokenizationSandbox } from '../../../../../main/core/sandbox/tokenization';
import type { TokenizationSandbox } from '../../../../../main/core/sandbox/tokenization';
import { foldName } from '../../../../../main/core/sandbox/tokenization/state';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import { invokeOk, openTestCore } from '../../../../fixtures/keys/sandbox-core';

/**
 * The partner facet (filter values and the filtered window) and dropping a client the server no longer has
 * from the cache, through the router over a real tokenization sandbox.
 */
interface Row {
  remoteId: string;
  name: string;
  extra: Record<string, unknown>;
}

let core: Core;
let dir: string;
let tok: TokenizationSandbox;
let tokId: string;
const EST = 'Partenaire Démo Est';
const OUEST = 'Partenaire Démo Ouest';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-tok-facet-'));
  tok = await startTokenizationSandbox({ clients: 90, username: 'ops', password: 'tok-facet-pw-1' });
  core = await openTestCore(dir, createMemoryKeychain());
  tokId = (
    await invokeOk<{ id: string }>(core, 'connections.add', {
      label: 'Tokens',
      provider: 'tokenization',
      baseUrl: tok.url,
      auth: { method: 'basic', username: 'ops', password: 'tok-facet-pw-1' },
      settings: { partners: [EST, OUEST] },
    })
  ).id;
  await invokeOk(core, 'sync.now', { connectionId: tokId });
}, 60_000);
afterAll(async () => {
  await core.close();
  await tok.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The direct partner's name of each sandbox client under Est or Ouest (what the facet holds). */
function directPartnersOnServer(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const client of tok.state.clients.values()) {
    const direct = tok.state.partners.get(client.directPartnerId)!;
    if (direct.id === tok.state.rootId) continue;
    counts.set(direct.name, (counts.get(direct.name) ?? 0) + 1);
  }
  return counts;
}

describe('partner facet', () => {
  it('offers the direct partners seen in the cache for the connection', async () => {
    const values = await invokeOk<string[]>(core, 'clients.facetValues', { connectionId: tokId, key: 'partner' });
    expect(values).toEqual([...directPartnersOnServer().keys()].sort((a, b) => a.localeCompare(b)));
    expect(values).toContain(`${EST} Alsace`);
  });

  it('filters the window by partner with the total the server has for it', async () => {
    const onServer = directPartnersOnServer();
    for (const partner of [EST, OUEST, `${EST} Alsace`]) {
      const w = await invokeOk<{ rows: Row[]; total: number }>(core, 'clients.window', { connectionIds: [tokId], facet: { key: 'partner', value: partner }, limit: 500 });
      expect(w.total, partner).toBe(onServer.get(partner));
      expect(w.rows.every((r) => r.extra.partner === partner)).toBe(true);
    }
  });

  it('refuses a facet key that could be anything but a field name, on its field', async () => {
    const res = await core.router.invoke('clients.facetValues', { connectionId: tokId, key: "partner')--" });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const win = await core.router.invoke('clients.window', { connectionIds: [tokId], facet: { key: '$.partner', value: EST } });
    expect(win).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('a client gone from the server', () => {
  it('opening it says gone (7404) with the support reference; forgetting it drops it from the cache and is audited', async () => {
    const target = (await invokeOk<{ rows: Row[] }>(core, 'clients.window', { connectionIds: [tokId], facet: { key: 'partner', value: OUEST }, limit: 1 })).rows[0]!;
    const onServer = tok.state.clients.get(Number(target.remoteId))!;
    tok.state.clients.delete(onServer.id);
    tok.state.names.delete(foldName(onServer.name));

    const opened = await core.router.invoke('clients.get', { connectionId: tokId, remoteId: target.remoteId });
    expect(opened).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { gone: true, errorCode: 7404, status: 404 } } });
    const supportId = !opened.ok ? opened.error.details?.supportId : undefined;
    expect(supportId).toMatch(/^[0-9a-f-]{36}$/);
    const edited = await core.router.invoke('clients.update', { connectionId: tokId, remoteId: target.remoteId, fields: { name: `${target.name} bis` } });
    expect(edited).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { gone: true } } });
    // Still cached until the user decides.
    expect((await invokeOk<{ total: number }>(core, 'clients.window', { connectionIds: [tokId], query: target.name })).total).toBeGreaterThan(0);

    const before = (await invokeOk<{ total: number }>(core, 'clients.window', { connectionIds: [tokId] })).total;
    const requests = tok.requests.length;
    await expect(invokeOk(core, 'clients.forgetCached', { connectionId: tokId, remoteId: target.remoteId })).resolves.toEqual({ forgotten: true });
    expect(tok.requests.length).toBe(requests);
    expect((await invokeOk<{ total: number }>(core, 'clients.window', { connectionIds: [tokId] })).total).toBe(before - 1);
    const left = await invokeOk<{ rows: Row[] }>(core, 'clients.window', { connectionIds: [tokId], facet: { key: 'partner', value: OUEST }, limit: 500 });
    expect(left.rows.map((r) => r.remoteId)).not.toContain(target.remoteId);

    const audit = await invokeOk<{ rows: Array<{ action: string; outcome: string; clientId: string; requestId: string | null }> }>(core, 'audit.list', { connectionId: tokId, clientId: target.remoteId });
    expect(audit.rows[0]).toMatchObject({ action: 'clients.forgetCached', outcome: 'ok', clientId: target.remoteId });
    // The refused edit kept the vendor's support reference as its request id.
    expect(audit.rows.find((r) => r.action === 'clients.update')).toMatchObject({ outcome: 'failed', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('refuses to forget a client this computer never cached, and an unknown connection', async () => {
    const res = await core.router.invoke('clients.forgetCached', { connectionId: tokId, remoteId: '999999' });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const other = await core.router.invoke('clients.forgetCached', { connectionId: 'nope', remoteId: '1001' });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
