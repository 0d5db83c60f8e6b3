import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../main/core/create-core';
import { startSitesSandbox } from '../../../../../main/core/sandbox/sites';
import type { SitesSandbox } from '../../../../../main/core/sandbox/sites';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import { invokeOk, openTestCore } from '../../../../fixtures/keys/sandbox-core';

/** A whole-list provider (the sites registry) syncs through the stream: batch by batch, complete or not at all. */
let core: Core;
let dir: string;
let sites: SitesSandbox;
let connectionId: string;

const counts = () => invokeOk<{ total: number }>(core, 'clients.counts', { connectionIds: [connectionId] });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-whole-list-'));
  sites = await startSitesSandbox({ clients: 12_000, sitesAs: 'mixed' });
  core = await openTestCore(dir, createMemoryKeychain());
  connectionId = (await invokeOk<{ id: string }>(core, 'connections.add', { label: 'Registre', provider: 'sites', baseUrl: sites.url, auth: { method: 'none' } })).id;
}, 60_000);
afterAll(async () => {
  await core.close();
  await sites.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('whole-list sync', () => {
  it('commits the streamed list in batches and reports them as pages', async () => {
    const progress = await invokeOk<{ state: string; rows: number; pagesDone: number; pagesTotal: number }>(core, 'sync.now', { connectionId });
    expect(progress).toMatchObject({ state: 'done', rows: 12_000, pagesTotal: progress.pagesDone });
    // Batches of a few hundred rows (a batch closes at the end of the network chunk that filled it).
    expect(progress.pagesDone).toBeGreaterThanOrEqual(6);
    expect((await counts()).total).toBe(12_000);
  }, 60_000);

  it('a list cut off mid-answer fails the sync and removes nothing from the cache', async () => {
    const gone = [...sites.state.clients.keys()].slice(0, 500);
    for (const id of gone) sites.state.clients.delete(id);
    sites.faults.set({ truncate: true, times: 1 });
    const failed = await invokeOk<{ state: string; error?: { code: string } }>(core, 'sync.now', { connectionId });
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'BAD_RESPONSE' } });
    expect((await counts()).total).toBe(12_000);
    const done = await invokeOk<{ state: string; removed: number }>(core, 'sync.now', { connectionId });
    expect(done).toMatchObject({ state: 'done', removed: 500 });
    expect((await counts()).total).toBe(11_500);
  }, 60_000);
});
