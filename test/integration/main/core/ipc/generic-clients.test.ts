import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../main/core/create-core';
import { startSitesSandbox } from '../../../../../main/core/sandbox/sites';
import type { SitesSandbox } from '../../../../../main/core/sandbox/sites';
import { startTokenizationSandbox } from '../../../../../main/core/sandbox/tokenization';
import type { TokenizationSandbox } from '../../../../../main/core/sandbox/tokenization';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import { invokeOk, openTestCore } from '../../../../fixtures/keys/sandbox-core';

/**
 * The generic client channels over real sandboxes through the router: fields checked against each provider's
 * descriptor, a full-record PUT completed from the cache, DELETE as deactivation, a typed delete confirmation,
 * an online edit against an older version, and a delete queued offline then replayed.
 */
interface Row {
  remoteId: string;
  name: string;
  identifier: string | null;
  version?: number;
}

let core: Core;
let dir: string;
let sites: SitesSandbox;
let tok: TokenizationSandbox;
let sitesId: string;
let tokId: string;

async function window(connectionId: string, query?: string): Promise<{ rows: Row[]; total: number }> {
  return invokeOk(core, 'clients.window', { connectionIds: [connectionId], limit: 500, ...(query ? { query } : {}) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-generic-clients-'));
  sites = await startSitesSandbox({ clients: 30, token: 'sites-token-123' });
  tok = await startTokenizationSandbox({ clients: 40, username: 'ops', password: 'tok-password-1' });
  core = await openTestCore(dir, createMemoryKeychain());
  sitesId = (
    await invokeOk<{ id: string }>(core, 'connections.add', { label: 'Registre', provider: 'sites', baseUrl: sites.url, auth: { method: 'bearer', token: 'sites-token-123' } })
  ).id;
  tokId = (
    await invokeOk<{ id: string }>(core, 'connections.add', {
      label: 'Tokens',
      provider: 'tokenization',
      baseUrl: tok.url,
      auth: { method: 'basic', username: 'ops', password: 'tok-password-1' },
      settings: { partners: [tok.rootPartner.name] },
    })
  ).id;
  await invokeOk(core, 'sync.now', { connectionId: sitesId });
  await invokeOk(core, 'sync.now', { connectionId: tokId });
}, 60_000);
afterAll(async () => {
  await core.close();
  await sites.close();
  await tok.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sites registry through the generic channels', () => {
  it('syncs the whole list', async () => {
    expect((await window(sitesId)).total).toBe(30);
  });

  it('refuses a wrong code type on its field before any request', async () => {
    const before = sites.requests.length;
    const res = await core.router.invoke('clients.create', { connectionId: sitesId, fields: { name: 'Atelier', identifier: 'douze' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ field: 'identifier', message: 'validation.integer' }] } } });
    const empty = await core.router.invoke('clients.create', { connectionId: sitesId, fields: { name: ' ', identifier: '12' } });
    expect(empty).toMatchObject({ ok: false, error: { details: { fields: [{ field: 'name', message: 'validation.required' }] } } });
    expect(sites.requests.length).toBe(before);
  });

  it('registers, renames with a full PUT completed from the cache, deactivates through DELETE', async () => {
    const created = await invokeOk<Row>(core, 'clients.create', { connectionId: sitesId, fields: { name: 'Atelier Nantes', identifier: '777001' } });
    const before = sites.requests.length;
    const renamed = await invokeOk<Row>(core, 'clients.update', { connectionId: sitesId, remoteId: created.remoteId, fields: { name: 'Atelier Nantes Est' } });
    expect(renamed).toMatchObject({ name: 'Atelier Nantes Est', identifier: '777001' });
    // The cache held the code: one PUT, no GET first.
    expect(sites.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /clients/update']);
    expect(await invokeOk(core, 'clients.setActive', { connectionId: sitesId, remoteId: created.remoteId, active: false })).toMatchObject({
      status: 'inactive',
    });
    expect(sites.requests.at(-2)).toMatchObject({ method: 'DELETE', status: 200 });
  });
});

describe('sites registry details and offline edits', () => {
  it('opening a client keeps the status its detail answer does not carry; deactivation shows as inactive', async () => {
    const row = (await window(sitesId)).rows.find((r) => (r as Row & { status: string }).status === 'active')!;
    const detail = await invokeOk<Row & { status: string; extra: Record<string, unknown> }>(core, 'clients.get', { connectionId: sitesId, remoteId: row.remoteId });
    expect(detail.status).toBe('active');
    expect(Array.isArray(detail.extra.sitesList)).toBe(true);
    await invokeOk(core, 'clients.setActive', { connectionId: sitesId, remoteId: row.remoteId, active: false });
    const after = (await window(sitesId)).rows.find((r) => r.remoteId === row.remoteId) as Row & { status: string };
    expect(after.status).toBe('inactive');
  });

  it('an offline edit of a client never opened replays without a false conflict', async () => {
    const row = (await window(sitesId)).rows.at(-1)!;
    const { port, state } = sites;
    await sites.close();
    const queued = await core.router.invoke('clients.update', { connectionId: sitesId, remoteId: row.remoteId, fields: { name: `${row.name} (hors ligne)` } });
    expect(queued).toMatchObject({ ok: false, error: { code: 'OFFLINE', details: { queued: true } } });
    sites = await startSitesSandbox({ port, state, token: 'sites-token-123' });
    expect(await invokeOk(core, 'outbox.replay', { connectionId: sitesId })).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    expect(sites.state.clients.get(row.remoteId)?.nom).toBe(`${row.name} (hors ligne)`);
  });
});

describe('tokenization through the generic channels', () => {
  it('warns before an online edit made on an older version, then sends when told to', async () => {
    const row = (await window(tokId)).rows[0]!;
    expect(typeof row.version).toBe('number');
    tok.state.clients.get(Number(row.remoteId))!.version += 2;
    const stale = await core.router.invoke('clients.update', { connectionId: tokId, remoteId: row.remoteId, fields: { name: `${row.name} (1)` }, baseVersion: row.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { serverVersion: row.version! + 2, baseVersion: row.version } } });
    const forced = await invokeOk<Row>(core, 'clients.update', {
      connectionId: tokId, remoteId: row.remoteId, fields: { name: `${row.name} (1)` }, baseVersion: row.version, overwriteNewer: true,
    });
    expect(forced.version).toBe(row.version! + 3);
  });

  it('deletes only with the client’s name typed, and tombstones it in the cache', async () => {
    const row = (await window(tokId)).rows[1]!;
    const wrong = await core.router.invoke('clients.delete', { connectionId: tokId, remoteId: row.remoteId, confirmName: 'yes' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ field: 'confirmName' }] } } });
    expect(tok.state.clients.has(Number(row.remoteId))).toBe(true);
    expect(await invokeOk(core, 'clients.delete', { connectionId: tokId, remoteId: row.remoteId, confirmName: row.name })).toEqual({ deleted: true, queued: false });
    expect(tok.state.clients.has(Number(row.remoteId))).toBe(false);
    expect((await window(tokId)).rows.some((r) => r.remoteId === row.remoteId)).toBe(false);
  });

  it('queues a delete while the server is down and replays it when it is back', async () => {
    const row = (await window(tokId)).rows[2]!;
    const { port, state } = tok;
    await tok.close();
    const queued = await invokeOk(core, 'clients.delete', { connectionId: tokId, remoteId: row.remoteId, confirmName: row.name });
    expect(queued).toEqual({ deleted: true, queued: true });
    expect(await invokeOk<Array<{ action: string; state: string }>>(core, 'outbox.list', { connectionId: tokId })).toMatchObject([{ action: 'delete', state: 'queued' }]);
    tok = await startTokenizationSandbox({ port, state, username: 'ops', password: 'tok-password-1' });
    const replay = await invokeOk<{ applied: number; remaining: number }>(core, 'outbox.replay', { connectionId: tokId });
    expect(replay).toMatchObject({ applied: 1, remaining: 0 });
    expect(tok.state.clients.has(Number(row.remoteId))).toBe(false);
    expect((await window(tokId)).rows.some((r) => r.remoteId === row.remoteId)).toBe(false);
  });
});
