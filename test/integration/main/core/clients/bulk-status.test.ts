import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../main/core/create-core';
import { startFactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../main/core/sandbox/factpulse';
import { startSitesSandbox } from '../../../../../main/core/sandbox/sites';
import type { SitesSandbox } from '../../../../../main/core/sandbox/sites';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import type { ClientJobDetail, ClientsBulkPreview, ClientSelection } from '../../../../../shared/schemas/client-jobs';
import { invokeOk, openTestCore } from '../../../../fixtures/keys/sandbox-core';

/**
 * Bulk activate / deactivate through the router over the FactPulse and sites sandboxes: a preview resolved from
 * the cache, per-client changes on the servers, audited one by one, a failing client, changes queued in the
 * outbox while a server is down, and a job cancelled, then resumed by a core reopened on the same files.
 */
const keychain = createMemoryKeychain();
let dir: string;
let core: Core;
let fp: FactPulseSandbox;
let sites: SitesSandbox;
let fpId: string;
let sitesId: string;

type Row = { remoteId: string; name: string; status: string };
const rows = async (connectionId: string, status?: 'active' | 'inactive') =>
  (await invokeOk<{ rows: Row[] }>(core, 'clients.window', { connectionIds: [connectionId], limit: 500, ...(status ? { status: [status] } : {}) })).rows;
const refs = (connectionId: string, list: Row[]) => list.map((r) => ({ connectionId, remoteId: r.remoteId }));
const picked = (connectionId: string, list: Row[]): ClientSelection => ({ kind: 'picked', clients: refs(connectionId, list) });

async function finished(jobId: string, until: (job: ClientJobDetail) => boolean = (j) => j.state !== 'running'): Promise<ClientJobDetail> {
  for (let i = 0; i < 400; i++) {
    const job = await invokeOk<ClientJobDetail>(core, 'clients.bulkJob', { jobId });
    if (until(job)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${jobId} did not get there`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-bulk-status-'));
  fp = await startFactPulseSandbox({ clients: 40, seed: 42 });
  sites = await startSitesSandbox({ clients: 30, token: 'sites-token-123' });
  core = await openTestCore(dir, keychain);
  fpId = (await invokeOk<{ id: string }>(core, 'connections.add', { label: 'FactPulse', provider: 'factpulse', baseUrl: fp.url, auth: { method: 'apiKey', apiKey: fp.credentials.apiKey } })).id;
  sitesId = (await invokeOk<{ id: string }>(core, 'connections.add', { label: 'Registre', provider: 'sites', baseUrl: sites.url, auth: { method: 'bearer', token: 'sites-token-123' } })).id;
  await invokeOk(core, 'sync.now', { connectionId: fpId });
  await invokeOk(core, 'sync.now', { connectionId: sitesId });
}, 60_000);
afterAll(async () => {
  await core.close();
  await fp.close();
  await sites.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk activate / deactivate over the sandboxes', () => {
  it('previews from the cache: what changes, what is already so, what a connection cannot do, ids it does not hold', async () => {
    const fpActive = [...fp.state.clients.values()].filter((c) => c.isActive).length;
    const sitesActive = [...sites.state.clients.values()].filter((c) => c.status === 'active').length;
    const all: ClientSelection = { kind: 'matching', filter: {}, except: [] };
    const off = await invokeOk<ClientsBulkPreview>(core, 'clients.bulkPreview', { action: 'deactivate', selection: all });
    expect(off).toMatchObject({ selected: 70, change: fpActive + sitesActive, alreadyInState: 70 - fpActive - sitesActive, unsupported: 0, pendingInOutbox: 0 });
    // The sites registry can deactivate but not activate: its clients are counted apart.
    const on = await invokeOk<ClientsBulkPreview>(core, 'clients.bulkPreview', { action: 'activate', selection: all });
    expect(on).toMatchObject({ selected: 70, change: 40 - fpActive, unsupported: 30 });
    const made = await invokeOk<ClientsBulkPreview>(core, 'clients.bulkPreview', {
      action: 'deactivate',
      selection: { kind: 'picked', clients: [{ connectionId: fpId, remoteId: 'made-up-id' }, { connectionId: 'no-such-connection', remoteId: 'x' }] },
    });
    expect(made).toMatchObject({ selected: 0, change: 0, notFound: 2 });
    const refused = await core.router.invoke('clients.bulkStart', { action: 'deactivate', selection: picked(fpId, []), confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('deactivates across two connections, each client audited; one the server refuses fails with its reason', async () => {
    const fpRows = (await rows(fpId, 'active')).slice(0, 3);
    const siteRows = (await rows(sitesId, 'active')).slice(0, 2);
    const failing = fpRows[1]!;
    fp.faults.set({ status: 422, pathPattern: new RegExp(`${failing.remoteId}/desactiver`) });
    const selection: ClientSelection = { kind: 'picked', clients: [...refs(fpId, fpRows), ...refs(sitesId, siteRows)] };
    const job = await invokeOk<{ jobId: string; total: number }>(core, 'clients.bulkStart', { action: 'deactivate', selection, confirm: true });
    expect(job.total).toBe(5);
    const done = await finished(job.jobId);
    fp.faults.clear();
    expect(done).toMatchObject({ state: 'done', done: 4, failed: 1, queued: 0 });
    expect(done.items[0]).toMatchObject({ remoteId: failing.remoteId, name: failing.name, state: 'failed', errorCode: expect.any(String) });
    expect(fp.state.clients.get(fpRows[0]!.remoteId)!.isActive).toBe(false);
    expect(fp.state.clients.get(failing.remoteId)!.isActive).toBe(true);
    for (const r of siteRows) expect(sites.state.clients.get(r.remoteId)!.status).toBe('inactive');
    expect((await rows(sitesId, 'inactive')).map((r) => r.remoteId)).toEqual(expect.arrayContaining(siteRows.map((r) => r.remoteId)));

    const audit = await invokeOk<{ rows: Array<{ action: string; clientId: string | null; outcome: string; summary: string }> }>(core, 'audit.list', { limit: 20 });
    const perClient = audit.rows.filter((e) => e.action === 'clients.setActive');
    expect(perClient.filter((e) => e.outcome === 'ok').map((e) => e.clientId).sort()).toEqual([fpRows[0]!, fpRows[2]!, ...siteRows].map((r) => r.remoteId).sort());
    expect(perClient.find((e) => e.clientId === failing.remoteId)).toMatchObject({ outcome: 'failed', summary: expect.stringMatching(/^Deactivate — refused/) });
    expect(audit.rows.find((e) => e.action === 'clients.bulkSetActive')).toMatchObject({ outcome: 'failed', summary: 'Deactivate 5 clients: 4 done, 0 queued offline, 1 failed, 0 not sent' });
  });

  it('queues each change in the outbox while the server is down, and says so per client', async () => {
    const siteRows = (await rows(sitesId, 'active')).slice(0, 2);
    const port = sites.port;
    await sites.close();
    const job = await invokeOk<{ jobId: string }>(core, 'clients.bulkStart', { action: 'deactivate', selection: picked(sitesId, siteRows), confirm: true });
    const done = await finished(job.jobId);
    expect(done).toMatchObject({ state: 'done', done: 0, queued: 2, failed: 0 });
    expect(done.items.map((i) => i.state)).toEqual(['queued', 'queued']);
    const outbox = await invokeOk<Array<{ remoteId: string; action: string; state: string }>>(core, 'outbox.list', { connectionId: sitesId });
    expect(outbox.map((o) => [o.remoteId, o.action, o.state]).sort()).toEqual(siteRows.map((r) => [r.remoteId, 'deactivate', 'queued']).sort());
    // A second bulk change skips them: their queued change must not be overtaken.
    const again = await invokeOk<ClientsBulkPreview>(core, 'clients.bulkPreview', { action: 'deactivate', selection: picked(sitesId, siteRows) });
    expect(again).toMatchObject({ change: 0, pendingInOutbox: 2 });

    sites = await startSitesSandbox({ port, token: 'sites-token-123', state: sites.state });
    expect(await invokeOk(core, 'outbox.replay', { connectionId: sitesId })).toMatchObject({ applied: 2, remaining: 0 });
    for (const r of siteRows) expect(sites.state.clients.get(r.remoteId)!.status).toBe('inactive');
  });

  it('a cancelled job pauses, survives the core being reopened, and resumes where it stopped; unticked clients stay as they were', async () => {
    const active = await rows(fpId, 'active');
    const kept = active[0]!;
    fp.faults.set({ latencyMs: 150, pathPattern: /desactiver/ });
    const selection: ClientSelection = { kind: 'matching', filter: { connectionIds: [fpId], status: ['active'] }, except: [{ connectionId: fpId, remoteId: kept.remoteId }] };
    const job = await invokeOk<{ jobId: string; total: number }>(core, 'clients.bulkStart', { action: 'deactivate', selection, confirm: true });
    expect(job.total).toBe(active.length - 1);
    await finished(job.jobId, (j) => j.done >= 2);
    expect(await invokeOk(core, 'clients.bulkCancel', { jobId: job.jobId })).toMatchObject({ jobId: job.jobId });
    const paused = await finished(job.jobId);
    expect(paused.state).toBe('paused');
    expect(paused.remaining).toBeGreaterThan(0);
    fp.faults.clear();

    await core.close();
    core = await openTestCore(dir, keychain);
    const [listed] = await invokeOk<Array<{ jobId: string; state: string; remaining: number }>>(core, 'clients.bulkJobs');
    expect(listed).toMatchObject({ jobId: job.jobId, state: 'paused', remaining: paused.remaining });
    await invokeOk(core, 'clients.bulkResume', { jobId: job.jobId });
    const done = await finished(job.jobId);
    expect(done).toMatchObject({ state: 'done', done: job.total, remaining: 0, failed: 0 });
    expect([...fp.state.clients.values()].filter((c) => c.isActive).map((c) => c.uid)).toContain(kept.remoteId);
    for (const r of active.filter((r) => r.remoteId !== kept.remoteId)) expect(fp.state.clients.get(r.remoteId)!.isActive).toBe(false);
    expect(await core.router.invoke('clients.bulkResume', { jobId: job.jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  }, 60_000);
});
